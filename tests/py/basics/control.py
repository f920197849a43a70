for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print(i, end=" ")
else:
    print("no")
print()
for i in range(3):
    pass
else:
    print("for-else", i)
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while-else", n)
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("ab", 1):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
print(list(zip(range(5), "ab")), list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3])))
print(list(filter(lambda v: v > 1, [1, 2, 3])), any([0, 0, 1]), all([1, 1, 0]), all([]))
total = 0
for row in [[1, 2], [3, 4]]:
    for value in row:
        if value == 3:
            break
        total += value
print(total)
def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            return index
    return -1
print(find("hello", "l"), find("hello", "z"))
x = 5
print("big" if x > 3 else "small", x > 3 and x < 10, x < 3 or x == 5)
i = 0
while True:
    i += 1
    try:
        if i == 3:
            break
    finally:
        print("finally", i)
for i in range(3):
    try:
        continue
    finally:
        print("cont", i)
def ret_in_finally():
    try:
        return "try"
    finally:
        print("cleanup")
print(ret_in_finally())
def loop_return():
    for i in range(5):
        for j in range(5):
            if i * j == 6:
                return i, j
print(loop_return())
