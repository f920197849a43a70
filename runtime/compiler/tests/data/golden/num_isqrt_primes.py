# Integer square roots, primality tests (trial, Miller-Rabin), sieves,
# factorisation and prime-related sequences.


def isqrt(n):
    if n < 0:
        raise ValueError("isqrt of negative")
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def icbrt(n):
    lo, hi = 0, 1
    while hi ** 3 <= n:
        hi *= 2
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if mid ** 3 <= n:
            lo = mid
        else:
            hi = mid
    return lo


def is_prime_trial(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    i = 3
    while i * i <= n:
        if n % i == 0:
            return False
        i += 2
    return True


def miller_rabin(n):
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def sieve(n):
    flags = bytearray(b"\x01" * (n + 1))
    flags[0] = flags[1] = 0
    for i in range(2, isqrt(n) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = 0
    return [i for i in range(n + 1) if flags[i]]


def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out


def totient(n):
    result = n
    for p in sorted(set(factorize(n))):
        result -= result // p
    return result


for n in (0, 1, 2, 3, 15, 16, 17, 99, 100, 10 ** 12, 2 ** 64 + 1, 10 ** 40):
    r = isqrt(n)
    print("isqrt(%d) = %d ok=%s" % (n, r, r * r <= n < (r + 1) * (r + 1)))
for n in (0, 7, 8, 26, 27, 1000, 10 ** 18 + 5):
    print("icbrt(%d) = %d" % (n, icbrt(n)))
ps = sieve(300)
print("primes < 300:", len(ps), "last five:", ps[-5:])
print("trial agrees:", ps == [k for k in range(301) if is_prime_trial(k)])
print("mr agrees:", ps == [k for k in range(301) if miller_rabin(k)])
for n in (561, 7919, 2 ** 31 - 1, 2 ** 61 - 1, 2 ** 67 - 1, 10 ** 18 + 9, 1000000007 * 998244353):
    print("%d prime? %s" % (n, miller_rabin(n)))
for n in (360, 97, 1001, 65536, 999999, 600851475143):
    print("factor %d = %s  phi=%d" % (n, " * ".join(map(str, factorize(n))), totient(n)))
twins = [(p, p + 2) for p in ps if p + 2 in ps]
print("twin primes:", twins[:10])
gaps = {}
for a, b in zip(ps, ps[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print("gap histogram:", sorted(gaps.items()))
goldbach = []
for even in range(4, 61, 8):
    for p in ps:
        if even - p in ps:
            goldbach.append("%d=%d+%d" % (even, p, even - p))
            break
print("goldbach:", goldbach)
