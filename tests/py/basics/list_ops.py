a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a.insert(100, 7)
print(a)
print(a.pop(), a.pop(0), a.index(2), a.count(1), a)
a.remove(3)
a.reverse()
print(a)
a.sort()
print(a, sorted(a, reverse=True))
b = a.copy()
b.clear()
print(a, b)
print([1, 2] + [3], [0] * 3, [[]] * 2, len([None] * 5))
c = [[0] * 2 for _ in range(2)]
c[0][0] = 1
print(c)
print([3, 1, 2] == [3, 1, 2], [1, 2] < [1, 3], [] == [])
words = ["bb", "a", "ccc"]
words.sort(key=len)
print(words)
