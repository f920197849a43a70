a = 2**127 - 1
b = 3**80
print(a + b, a - b, b - a, a * b % 10**12)
print(a // b, a % b, divmod(b, 12345678901), pow(a, 3) % b)
print(-a // 3, -a % 3, a * -1 == -a, (a << 5) >> 5 == a)
n = 1
for i in range(1, 31):
    n *= i
print(n, n // (2**26) % 1000, len(str(n)))
fib = [0, 1]
for _ in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[100])
