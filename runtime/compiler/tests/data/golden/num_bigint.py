# Big-integer arithmetic: factorials, Fibonacci, modular exponentiation,
# gcd/lcm, binomials, digit sums, and conversions.


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_fast(n):
    # fast doubling
    def fd(k):
        if k == 0:
            return 0, 1
        a, b = fd(k >> 1)
        c = a * (2 * b - a)
        d = a * a + b * b
        if k & 1:
            return d, c + d
        return c, d
    return fd(n)[0]


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def lcm(a, b):
    return a // gcd(a, b) * b


def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y


def modinv(a, m):
    g, x, _ = ext_gcd(a, m)
    if g != 1:
        raise ValueError("no inverse")
    return x % m


def powmod(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r


def binom(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r


def digit_sum(n):
    return sum(int(c) for c in str(n))


f100 = factorial(100)
print("100! =", f100)
print("digits:", len(str(f100)), "digit sum:", digit_sum(f100))
print("trailing zeros:", len(str(f100)) - len(str(f100).rstrip("0")))
f300 = fib(300)
print("fib(300) =", f300)
print("fast agrees:", fib_fast(300) == f300, fib_fast(1000) % 10 ** 12)
print("2**256 =", 2 ** 256)
print("2**256 hex =", hex(2 ** 256 - 1))
print("-(3**100) =", -(3 ** 100))
big = 123456789012345678901234567890
print("divmod:", divmod(big, 987654321), divmod(-big, 987654321))
print("floor/mod negative:", -big // 10 ** 10, -big % 10 ** 10)
print("shifts:", big >> 40, big << 17, (-big) >> 5)
print("bitwise:", big & 0xFFFFFFFF, big | 1, big ^ (big >> 1) & 0xFFFF)
for a, b in [(12, 18), (2 ** 64, 2 ** 40 * 3), (f100, fib(120)), (0, 5), (-48, 36)]:
    print("gcd=%d lcm=%d" % (gcd(a, b), lcm(a, b) if a and b else 0))
print("modinv(17, 3120) =", modinv(17, 3120))
try:
    modinv(6, 9)
except ValueError as e:
    print("error:", e)
m = 2 ** 127 - 1
print("powmod ok:", powmod(3, m - 1, m) == 1, pow(3, m - 1, m) == 1)
print("powmod(2, 10**20, 10**9+7) =", powmod(2, 10 ** 20, 10 ** 9 + 7), pow(2, 10 ** 20, 10 ** 9 + 7))
for n, k in [(10, 3), (52, 5), (100, 50), (200, 3)]:
    print("C(%d,%d) = %d" % (n, k, binom(n, k)))
row = [binom(12, k) for k in range(13)]
print("pascal 12:", row, "sum:", sum(row) == 2 ** 12)
print("int from str:", int("123456789" * 4), int("-ffffffffffffffffff", 16), int("1" * 70, 2))
print("to bytes:", (2 ** 70 + 5).to_bytes(9, "big"), int.from_bytes(b"\x01" * 10, "little"))
print("compare:", 2 ** 100 > 2 ** 99, -(2 ** 100) < 5, 2 ** 64 == 18446744073709551616)
# RSA toy
p, q = 1000000007, 998244353
n = p * q
e = 65537
d = modinv(e, (p - 1) * (q - 1))
msg = 1234567890123
c = pow(msg, e, n)
print("rsa:", c, pow(c, d, n) == msg)
