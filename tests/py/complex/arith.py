# Complex numbers: literals, arithmetic with ints and floats, parts, abs,
# the complex() constructor, equality, hashing and repr.
z = 2j
w = 3 + 4j
print(z, w, -w, +w)
print(z * z, w * (1 - 2j), w - 1, 1 - w, w * 2, 0.5 * w)
print(w / 2, w / (1 + 1j), 1 / 1j, (2 + 0j) / 4)
print(w.real, w.imag, abs(w), abs(-5j))
print((1 + 2j) == complex(1, 2), 1j * 1j == -1, w != 3, (2 + 0j) == 2.0)
print(complex(), complex(2), complex(1.5, -2), complex(1j, 1j), complex("1+2j"), complex("-3.5j"))
print(hash(2 + 0j) == hash(2), bool(0j), bool(1e-9j), type(w).__name__)
print(1j ** 2, (1 + 1j) ** 0, 2 ** 1j == 2 ** 1j)
print(repr(-0.5 + 1e20j), (1 + 2j) * 1e300 * 1e10)
print(type(w.real).__name__, (w * 1j).imag)


def attempt(label, action):
    try:
        action()
        print(label, "no error")
    except (TypeError, ZeroDivisionError, ValueError) as error:
        print(label, type(error).__name__)


attempt("less", lambda: (1 + 2j) < 3j)
attempt("floordiv", lambda: (1 + 2j) // 2)
attempt("divide by zero", lambda: 1j / 0)
attempt("bad text", lambda: complex("x"))
attempt("float()", lambda: float(1j))
