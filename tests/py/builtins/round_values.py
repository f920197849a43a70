print(round(0.4), round(0.6), round(-0.4), round(-0.6), round(1.4), round(2.6))
print(round(3), round(-3), round(1234, -2), round(1250, -2), round(1350, -2), round(-1234, -1))
print(round(3.14159, 2), round(3.14159, 0), round(-3.14159, 3), round(1e10 + 0.3))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(type(round(2.4)), type(round(2.4, 1)), type(round(5, 1)))
print(round(123.456, -1), round(123.456, -2))
print(round(2**70, -20) == (2**70 // 10**20 * 10**20 + (10**20 if 2**70 % 10**20 >= 5 * 10**19 else 0)))
try:
    round(float("inf"))
except OverflowError:
    print("OverflowError")
try:
    round(float("nan"))
except ValueError:
    print("ValueError")
