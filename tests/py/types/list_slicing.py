a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[1::3], a[::-1], a[8:2:-2], a[100:], a[-100:1])
b = a[:]
b[2:5] = ["x"]
print(b)
b[:0] = [-1, -2]
print(b)
b[len(b):] = [100]
print(b)
del b[1:3]
print(b)
c = [0] * 5
c[1:4] = [0, 1, 2]
print(c)
