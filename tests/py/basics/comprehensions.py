print([i for i in range(5)], {i: i * i for i in range(4)}, {c for c in "hello"} == set("helo"))
print([(x, y) for x in range(3) for y in range(x)], [x for x in range(20) if x % 2 if x % 3])
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
gen = (x * 2 for x in range(4))
print(next(gen), list(gen), list(gen))
total = sum(len(word) for word in ["ab", "cde"])
print(total, max(len(w) for w in ["a", "abc"]), sorted(x % 3 for x in range(6)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [v for row in matrix for v in row])
names = ["x", "y"]
print(sorted(dict(zip(names, range(2))).items()), sorted({n: [i for i in range(len(n) + 1)] for n in names}.items()))
def squares(limit):
    n = 0
    while n < limit:
        yield n * n
        n += 1
    return
print(list(squares(5)), [s for s in squares(10) if s > 20])
def pairs():
    yield 1, "one"
    yield 2, "two"
for number, word in pairs():
    print(number, word)
def take(iterable, n):
    result = []
    for item in iterable:
        if len(result) == n:
            break
        result.append(item)
    return result
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(naturals(), 5), take(map(lambda v: v * 10, naturals()), 3))
print(print("a", "b", sep="-", end="!\n"))
a = b = c = 7
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
data = {"k": [1, {"deep": (2, 3)}]}
print(data["k"][1]["deep"][1])
del data["k"]
print(data)
values = [1, 2, 3]
del values[0], values[0]
print(values)
s = "a"
s += "b"
s *= 2
print(s)
