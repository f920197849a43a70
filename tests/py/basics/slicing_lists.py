a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[::-3])
b = a[:]
print(b == a, b is a)
c = [0, 1, 2, 3, 4, 5]
c[1:3] = ["x", "y", "z"]
print(c)
c[-1:] = [10, 20]
print(c)
del c[1:3]
print(c)
del c[-2:]
print(c)
c[:] = []
print(c)
