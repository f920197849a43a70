# `in` over lists and tuples: identical words, small ints against floats,
# bools and big ints, qstrs against strs built at run time, and an __eq__
# that changes the list while it is searched.

items = [3, 1, 4, 1, 5, 9, 2, 6]
print(4 in items, 7 in items, 1.0 in items, 9.0 in tuple(items), True in items, False in items)
print(0 in [False], 1 in (True,), (1 << 40) in [1 << 40], (1 << 40) in [1, 2], -1 in items)
names = ["alpha", "beta", "gamma"]
print("beta" in names, "be" + "ta" in names, "delta" in names, "gam" in names, b"beta" in names)
print(None in [None], None in [0, ""], () in [(), 1], [1] in [[1], 2], 2.5 in [2, 2.5])
print("x" in (), 1 in [], (1, 2) in [(1, 2)], (1, 2.0) in [(1, 2)])


class Shrinks:
    def __init__(self, victim):
        self.victim = victim

    def __eq__(self, other):
        if self.victim:
            self.victim.pop()
        return False


data = [1, 2, 3, 4, 5, 6]
data.insert(0, Shrinks(data))
print(99 in data, len(data))
data = [1, 2, 3]
data.append(Shrinks(data))
print(3 in data, len(data))


class Equals:
    def __eq__(self, other):
        return other == 7


print(7 in [Equals()], 8 in [Equals()], Equals() in [7], Equals() in [1, 2])
