print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1), pow(0, 0), pow(4, 0.5))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 3), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(123456789, 987654321, 1000000007), pow(2**70, 3, 10**9 + 9))
print(2 ** 10, 2 ** -2, (-2) ** 3, (-2) ** 2, 10 ** 20)
try:
    pow(2, 3, 0)
except ValueError:
    print("ValueError modulus")
try:
    pow(2.0, 3, 5)
except TypeError:
    print("TypeError float")
try:
    0 ** -1
except ZeroDivisionError:
    print("ZeroDivisionError")
