# Integer math: gcd, modular exponentiation, sieve of primes.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


g = 0
for i in range(1, 20000):
    g += gcd(i * 7919, 104729)
flags = [True] * 30000
primes = 0
for i in range(2, 30000):
    if flags[i]:
        primes += 1
        for j in range(i * i, 30000, i):
            flags[j] = False
print(g, primes, pow(3, 1000, 1000007))
