"""Module docstring."""
x = 1
"lonely string"
123
(1, 2)
()
...
def f(a):
    "docstring"
    if a:
        return a if a > 1 else -a
    elif a == 0:
        pass
    elif a < 0:
        return 0
    return
for i in range(10, 0, -2):
    if i == 4:
        break
else:
    print("no break")
for i in range(x):
    pass
for i in range(1, x + 1):
    print(i)
for k, v in {}.items():
    print(k, v)
n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
else:
    print("done")
print(x, [], {}, {1}, {1: 2, 3: 4}, [1] if 0 else None)
big = 12345678901234567890
h = 0xFFFFFFFF
neg = -1073741824
neg2 = -1073741825
s = "this is a fairly long string literal"
b = b"bytes\x00"
fl = 1.5e-3
cx = 2j
print(big, h, neg, neg2, s, b, fl, cx)
