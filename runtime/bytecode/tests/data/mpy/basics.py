x = 1
y = x + 200
z = y * 3 - x // 2 % 5
print("hello", x, y, z)
a = -17
b = 47
c = 48
d = -16
e = 100000
f = -100000
g = 1073741823
h = -1073741824
i = 1 << 20
print(a < b, a > b, a == b, a <= b, a >= b, a != b)
print(x is None, x is not None, 1 in [1], 2 not in [1])
print(~x, -x, +x, not x)
x += 1; x -= 1; x *= 2; x //= 2; x %= 7; x **= 2; x <<= 1; x >>= 1; x &= 7; x |= 8; x ^= 3
x /= 2
print(x | 1, x ^ 1, x & 1, x ** 2, 5 / 2, 7 @ 1 if False else 0)
