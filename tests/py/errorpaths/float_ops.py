# Floats with floats and small ints take a short path for + - * / and the
# comparisons; next to it the general path: division by zero, floor
# division and modulo, powers, big ints, NaN and infinities, in-place forms.
values = [1.5, -0.0, 0.0, 3, -2, 0, float("inf"), float("nan"), 2.5e300]
for a in values:
    row = []
    for b in values:
        if not (isinstance(a, float) or isinstance(b, float)):
            continue
        for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b):
            try:
                row.append(repr(f()))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError")
        row.append(str([a < b, a <= b, a == b, a != b, a > b, a >= b]))
    print(a, " ".join(row))
x = 1.5
x += 2
x *= 3
x -= 0.5
x /= 2
print(x)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, 2.0 ** 3, 2 ** 0.5)
print(1.5 + 2**70, 2**70 * 0.5, 1.0 == 2**70, 2**70 < 1e30)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(True + 1.5, 1.5 * False)
