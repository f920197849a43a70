print([x * 2 for x in range(5)])
print([x for x in range(10) if x % 3 == 0])
print([x if x % 2 else -x for x in range(5)])
print([(x, y) for x in range(3) for y in range(x)])
print([[c for c in word] for word in ("ab", "cd")])
print([x for x in range(20) if x % 2 if x % 3])
words = ["apple", "Bob", "cat"]
print([w.upper() for w in words if len(w) > 2])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n != 4])
