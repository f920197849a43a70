# Float and complex operators with floats, complex numbers, small ints,
# bools and big ints on either side: results, comparisons with NaN and
# infinities, signed zeros, in-place forms and division by zero.

nan = float("nan")
inf = float("inf")
for x in (1.5, -0.0, 0.0, inf, -inf, nan, 3, -7, 1 << 40, True):
    for y in (2.0, -0.0, inf, nan, 4, -1, False):
        row = [x + y, x - y, x * y]
        try:
            row.append(x / y)
        except ZeroDivisionError:
            row.append("ZeroDivisionError")
        row += [x < y, x <= y, x == y, x != y, x > y, x >= y]
        print(x, y, row)

z = 1.5
z += 2
z *= -1
z -= 0.5
z /= 4
print(z, 2 ** 0.5, 7.5 // 2, 7.5 % 2, -7.5 % 2)
for bad in (0, 0.0, -0.0, False):
    try:
        print(1.0 / bad)
    except ZeroDivisionError:
        print("ZeroDivisionError", bad)

c = 1 + 2j
for other in (3, -1.5, 2j, complex(inf, 0), complex(0, nan), True, 1 << 40):
    print(c + other, c - other, c * other, other + c, other - c, other * c)
w = c
w += 1
w *= 1j
w -= 0.5
print(w, c == complex(1, 2), c != 1, abs(3 + 4j))
for op in ("<", ">"):
    try:
        print(c < 1 if op == "<" else c > 2j)
    except TypeError:
        print("TypeError", op)
try:
    print(c / 0)
except ZeroDivisionError:
    print("ZeroDivisionError complex")

# Two small ints whose result is too large for a small int stay ints.
big = 1 << 29
print(big * 4, big + big + big, -big - big - big, big * -big, 3 * 1073741823, (1 << 30) - 1 + 1)
product = 1
for i in range(1, 25):
    product *= i
print(product, product * 2.0, type(product).__name__)
