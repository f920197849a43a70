# Float and complex values written and read as whole words: signed zeros,
# infinities, NaN, the smallest normal float and the largest float survive
# arithmetic, containers and constants; lists and tuples indexed by small
# ints at both ends, from the image and from the heap, while they grow.

values = [0.0, -0.0, 1.5, -2.25, 2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan")]
for x in values:
    y = x * 1.0
    print(repr(y), y == x, y + 0.0, -y, y / 2.0 if y == y else "nan")
print(1.7976931348623157e308 * 2.0, 2.2250738585072014e-308 / 1e300, -0.0 + 0.0, 0.0 * -1.0)
print(str(1e16), str(1.0e-5), str(123456789.125), 0.1 + 0.2)

z = complex(-0.0, 2.2250738585072014e-308)
print(z, z.real, z.imag, z * 1, z + 0j)
w = complex(1.7976931348623157e308, -1.5)
print(w, w * 1j, (w * 1j).real, abs(complex(3, 4)))
for a in (1 + 2j, -0.5j, complex(float("inf"), 1)):
    print(a, a.real, a.imag, a * a, a - a)

constant = (1.25, -3.5, 7, "x")
print(constant[0], constant[-1], constant[-4], constant[3])
built = []
for i in range(40):
    built.append(i * 0.5)
    if i % 13 == 0:
        print(len(built), built[-1], built[0], built[i])
pairs = [(i, i * 1.5) for i in range(5)]
print(pairs[4][1], pairs[-5][0], pairs[2])
for index in (40, -41):
    try:
        print(built[index])
    except IndexError:
        print("IndexError", index)
empty = ()
try:
    print(empty[0])
except IndexError:
    print("IndexError empty")
