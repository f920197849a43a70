print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25, 7.5 // 2, 7.5 % 2, 2.0 ** 10, 2 ** 0.5)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, 0.5 ** -1, (-8.0) ** 2)
print(1.0 == 1, 1.5 < 2, 2.5 >= 2.5, 0.0 == -0.0, 1e-320 > 0)
print(3 * 0.1, 0.1 * 3 == 0.3, abs(3 * 0.1 - 0.3) < 1e-15)
x = 1.0
for _ in range(10):
    x *= 1.5
print(x, x / 1.5 ** 10)
try:
    1.0 / 0
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    1.0 % 0.0
except ZeroDivisionError:
    print("ZeroDivisionError mod")
