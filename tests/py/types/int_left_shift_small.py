# Left shifts of small ints: results that stay small, that grow past the
# small-int range, negative values, and shift counts from 0 to 40.
def shifts(a):
    out = []
    for b in (0, 1, 7, 15, 29, 30, 31, 32, 33, 40):
        out.append(a << b)
    return out

for a in (0, 1, -1, 3, -3, 0x1b, 0x3fffffff, -0x40000000, 12345):
    print(a, shifts(a))
x = 1
for _ in range(35):
    x <<= 1
print(x, type(x).__name__)
b = 0x80
print((b << 1) ^ 0x1b, ((b << 1) ^ 0x1b) & 0xff)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
