import math

a = 1.5
b = 0.1
c = 1e16
d = 1e22
e = 123456789.0
f = 1e-05
g = 0.0001
h = 1234567890123456.0
i = 12345678901234567.0
j = 2.5e-300
k = 1.7976931348623157e308
m = -0.0
n = 1 / 3
o = 0.1 + 0.2
p = 1e400
q = -1e400
r = math.pi
s = math.e
t = 2j
u = 1.5e20j
v = 3.25
w = 1e15
x = 100.0
y = 5e-324
z = 0.5
print(a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u, v, w, x, y, z)
