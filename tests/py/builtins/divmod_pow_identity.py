for a in (17, -17, 2**40 + 3):
    for b in (5, -5):
        q, r = divmod(a, b)
        print(a // b == q, a % b == r, q * b + r == a)
print(pow(5, 3, 13) == 5 ** 3 % 13, pow(-2, 5), pow(2, 0.5) == 2 ** 0.5)
