print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(1, 20, 4)
print(len(r), r[0], r[-1], r[1:3], 9 in r, 10 in r)
total = 0
for i in range(100):
    total += i
print(total)
for i in range(3, 0, -1):
    print(i, end=" ")
print()
for i, c in enumerate("abc", 1):
    print(i, c, end="; ")
print()
for a, b in zip("xyz", range(10)):
    print(a + str(b), end=" ")
print()
print(list(reversed(range(4))), sum(range(0, 101, 5)))
