class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)))
for x in Countdown(2):
    print(x)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))


class Bag:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


print(sorted(Bag(3, 1, 2)), sum(Bag(1, 2, 3)), tuple(Bag("a")))
a, b = Bag(5, 6)
print(a, b)
