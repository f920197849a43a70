# Big ints far beyond a fixed digit array: arithmetic, division, bit
# operations on negatives, text round trips, bytes, hashing and the heap limit.
import math


def bits(w):
    return len(bin(abs(w))) - 2


f = math.factorial(500)
print(f)
print(len(str(f)), f % 1000003, bits(f))

p = 2**10000
m = 10**40 + 7
print(p % m, (p - 1) % m, p // (3**5000))
print(pow(2, 10000, m) == p % m, pow(3, 12345, 2**200 + 235))

# Floor division and modulo of big negatives follow the divisor's sign.
a = -(7**300) - 12345
b = 11**140 + 3
for x, y in ((a, b), (-a, b), (a, -b), (-a, -b), (b, a), (a, 97), (a, -97), (a, 2**64), (a, -(2**64))):
    q, r = divmod(x, y)
    print(q % 1000000007, r % 1000000007, q * y + r == x, abs(r) < abs(y), (r == 0) or ((r < 0) == (y < 0)))
print(divmod(-(2**200), 2**100), divmod(2**200, -(2**100) - 1)[1] % 1000)

# Bit operations with two's complement semantics on negative numbers.
u = -(3**150)
v = 5**120 - 1
for w in (u & v, u | v, u ^ v, u & -v, u | -v, u ^ -v, ~u, ~v):
    print(w % 1000000007, w < 0, bits(w))
print(u >> 1, u >> 200, u >> 300, (u << 77) >> 77 == u, -1 >> 1000, (-(2**300)) >> 299)
print((1 << 1000) - 1 == (2**1000) - 1, ((1 << 1000) | 1) & 3, -(2**100) & (2**100 - 1))

# Text round trips of 5000-digit numbers, in several bases.
big = int("9" * 2500 + "1" * 2500)
text = str(big)
print(len(text), int(text) == big, int("-" + text) == -big, text[:20], text[-20:])
for base in (2, 8, 16, 36):
    print(base, len(hex(big)) if base == 16 else 0, int(hex(big), 16) == big, int(oct(-big), 8) == -big, int(bin(big), 2) == big)
print(int("1" + "0" * 27) == 10**27, int("z" * 100, 36) % 1000)

# Bytes.
n = 2**300 + 2**100 + 255
data = n.to_bytes(40, "little")
print(data[:4], data[-4:], int.from_bytes(data, "little") == n, int.from_bytes(n.to_bytes(40, "big"), "big") == n)

# Equal big ints hash alike, so they work as dict keys.
print(hash(2**100) == hash(2**99 * 2), hash(-(3**90)) == hash(-(3**89) * 3))
d = {2**100: "a", -(2**100): "b"}
print(d[2**100], d[-(2**100)], d.get(2**100 + 1))

# Comparisons with floats.
print(2**100 > 1e30, 2**100 < 1e31, -(2**100) < -1e30, 2**53 + 1 > 2.0**53, 10**400 > 1e308)
print(2**64 + 1 == 2.0**64, 2**1000 == 2.0**1000, float(2**1000), float(10**400), float(-(10**400)), 10**50 / 10**49)

# A result bigger than the heap raises MemoryError, never crashes.
try:
    x = 1 << (10**9)
    print("no error", bits(x))
except MemoryError:
    print("MemoryError")

# Formatting long ints: str.format, f-strings and % with every integer kind.
g = 7**1500 + 12345
print("{}".format(g)[-30:], len("{:d}".format(-g)), "{:x}".format(g)[:20], "{:#X}".format(-g)[:20])
print(len(f"{g:b}"), f"{g:o}"[-12:], ("%d" % g)[:15], len("%x" % -g), f"{-g:+d}"[:5], f"{g:+}"[:3])
