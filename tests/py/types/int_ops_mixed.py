print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 2, 7 ** 2, -7 // 2, -7 % 2)
print(2 ** 0, 0 ** 0, (-1) ** 5, 1 ** 100, 2 ** -1, 10 // 3 * 3 + 10 % 3)
x = 10
x += 5
x -= 2
x *= 3
x //= 4
x %= 7
x **= 2
print(x)
print(int("12") + int(3.9), -(-5), +5, abs(-5) == 5)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, 5 != 5.0)
print(max(2**40, 2**41) == 2**41, min(-2**40, 0))
try:
    1 // 0
except ZeroDivisionError:
    print("ZeroDivisionError //")
try:
    1 % 0
except ZeroDivisionError:
    print("ZeroDivisionError %")
