# Slice assignment on lists: growing, shrinking, the list itself as the source, tuples.
a = list(range(10))
a[2:5] = [100, 101]
print(a)
a[:] = a
print(a)
a[1:1] = (7, 8, 9)
print(a)
a[3:] = []
print(a)
a[5:2] = ("x", "y")
print(a)
a[-2:] = a
print(a)
b = [1, 2, 3]
b[0:3] = list(range(6))
print(b, len(b))
b[:4] = [b]
print(len(b), b[1:])
c = []
c[:] = [1]
print(c)
for k in range(5):
    p = list(range(6))
    p[: k + 1] = list(reversed(p[: k + 1]))
    print(p, p[1:4], tuple(p)[2:])
try:
    c[::2] = [1]
except NotImplementedError as e:
    print("NIE")
