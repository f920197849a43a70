a = [3, 1, 2]
a.append(5)
a.extend([9, 0])
a.insert(0, 7)
print(a, len(a))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
print(a.pop(), a.pop(0), a)
a.remove(3)
print(a, a.index(2), a.count(2))
a.reverse()
print(a)
b = a[:]
b[0] = 100
print(a, b)
print(a + b, a * 2, [0] * 3)
c = list(range(10))
print(c[2:8:2], c[::-1], c[-3:], c[:-7])
c[1:3] = ["x", "y", "z"]
print(c)
del c[0]
del c[1:3]
print(c)
print(sorted([5, 2, 8], key=lambda v: -v), sorted(["bb", "a", "ccc"], key=len))
print([x * x for x in range(6) if x % 2 == 0])
print([[i, j] for i in range(2) for j in range(2)])
m = [[1, 2], [3, 4]]
print(m[1][0], [row[1] for row in m])
print(list("abc"), list((1, 2)), 3 in [1, 2, 3], [1, 2] == [1, 2], [1, 2] < [1, 3])
x, y, *rest = [1, 2, 3, 4, 5]
print(x, y, rest)
first, *middle, last = range(5)
print(first, middle, last)
print(sum([[1], [2]], []), max([3, 7], key=lambda v: -v))
