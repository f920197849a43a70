print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** -1, (-2) ** 3, 10 ** 20)
print(1 << 40, -1 >> 3, 12345 & 0xff, 1 | 6, 5 ^ 3, ~5)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(abs(-3), abs(-2.5), abs(-(10 ** 30)))
x = 5
x += 3
x *= 2
x -= 1
x //= 2
x **= 2
print(x)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2)
print(True + True, True * 10, False - 1)
print(0.1 * 3, 1 / 3, 2 / 2, 7.0 // 2, -7.5 % 2)
print(round(2.5), round(3.5), round(-0.5), round(3.14159, 2), round(1234, -2))
print(int("42"), int("-0x1f", 16), int("  12  "), int(3.9), int(-3.9), int("101", 2))
print(float("1.5"), float("-inf"), float(3))
print(hex(255), oct(8), bin(10), hex(-255))
print(min(3, 1, 2), max([4, 9, 2]), min("abc"), max(1, 2.5))
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000))
