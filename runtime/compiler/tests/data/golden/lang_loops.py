# Loop forms: for/else, while/else, break/continue, range with constant
# positive/negative steps and non-constant steps, nested loops, loop
# variables after the loop, iteration over many iterable kinds.


def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("  found %r at %d" % (target, i))
            break
    else:
        print("  %r not found" % (target,))
        return -1
    return i


find([4, 5, 6], 5)
find("hello", "z")
find([], 1)

n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while/else ran, n =", n)
n = 0
while True:
    n += 3
    if n > 10:
        break
else:
    print("never printed")
print("after while True, n =", n)
k = 0
while k < 3:
    k += 1
    continue
else:
    print("while/else after continue-only body, k =", k)

print("range +const:", list(range(0, 20, 3)))
print("range -const:", list(range(20, 0, -4)))
print("range -1:", list(range(5, -1, -1)))
print("range empty:", list(range(0)), list(range(5, 5)), list(range(0, 5, -1)), list(range(5, 0)))
print("range big step:", list(range(-100, 100, 37)))
for step in (1, 2, -3, 7, -1):
    start, stop = (0, 15) if step > 0 else (15, 0)
    vals = [i for i in range(start, stop, step)]
    print("dynamic step %2d:" % step, vals)
acc = 0
for i in range(10, 0, -2):
    acc = acc * 10 + i
print("neg step acc:", acc)
for i in range(3):
    pass
print("loop var after loop:", i)
total = 0
for i in range(1000):
    if i % 7:
        continue
    if i > 100:
        break
    total += i
print("continue/break mix:", total)
count = 0
for a in range(4):
    for b in range(4):
        if b > a:
            break
        for c in range(4):
            if c == b:
                continue
            count += 1
print("nested count:", count)
outer_found = None
for x in range(2, 30):
    for y in range(2, x):
        if x % y == 0:
            break
    else:
        if x > 20:
            outer_found = x
            break
print("first prime > 20:", outer_found)
print("iter str:", [c for c in "ab"], "bytes:", [b for b in b"AB"], "dict:", sorted(k for k in {"z": 1, "y": 2}))
print("iter set:", sorted(x for x in {3, 1, 2}), "tuple:", [x for x in (1, 2)], "range obj:", range(3))
print("enumerate start:", list(enumerate("abc", 1)), "reversed:", list(reversed([1, 2, 3])), list(reversed(range(4))))
print("zip uneven:", list(zip("abcd", range(2))), "zip three:", list(zip((1, 2), "xy", [True, False])))
print("map/filter:", list(map(lambda x: x + 1, [1, 2])), list(filter(None, [0, 1, "", "a", None])))
print("map two:", list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
it = iter([1, 2, 3, 4, 5])
for x in it:
    if x == 2:
        print("skip next:", next(it))
print("iter exhausted:", list(it))
items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print("remove while iterating copy:", items)
i = 10
while i:
    i -= 1
    if i % 3:
        continue
    print("  while continue i =", i)
grid = []
for r in range(3):
    row = []
    for c in range(5):
        row.append("#" if (r + c) % 2 else ".")
    grid.append("".join(row))
print("grid:", grid)
fact = 1
m = 1
while (m := m + 1) <= 10:
    fact *= m
print("walrus while 10!:", fact)
x = 100
while x > 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    if x == 16:
        print("collatz hit 16")
print("collatz end:", x)
for _ in range(2):
    for _ in range(2):
        pass
print("underscore loops done")
lst = []
for i, (a, (b, c)) in enumerate([(1, (2, 3)), (4, (5, 6))]):
    lst.append(i + a + b + c)
print("nested targets in for:", lst)
