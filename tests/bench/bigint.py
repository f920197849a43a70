# Arbitrary-precision integers: factorials and powers.
f = 1
for i in range(1, 400):
    f *= i
p = 7 ** 300
q = (f // p) % 1000000007
print(len(str(f)), q, (p * p) % 998244353)
