print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(divmod(0, 5), divmod(5, 5), divmod(4, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5))
print(divmod(2**70, 3), divmod(-2**70, 7))
print(divmod(10**20, 10**10), divmod(2**64, -2**32))
for a in (-13, -1, 0, 1, 13):
    for b in (-5, 3):
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
try:
    divmod(1, 0)
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    divmod(1.0, 0.0)
except ZeroDivisionError:
    print("ZeroDivisionError float")
