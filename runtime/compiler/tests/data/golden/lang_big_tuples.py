# Large constant tuples and nested constant structures: nested tuples,
# None/True/False/Ellipsis, bytes, floats, big ints, used as lookup tables.

SBOX = (
    0x63, 0x7C, 0x77, 0x7B, 0xF2, 0x6B, 0x6F, 0xC5, 0x30, 0x01, 0x67, 0x2B, 0xFE, 0xD7, 0xAB, 0x76,
    0xCA, 0x82, 0xC9, 0x7D, 0xFA, 0x59, 0x47, 0xF0, 0xAD, 0xD4, 0xA2, 0xAF, 0x9C, 0xA4, 0x72, 0xC0,
    0xB7, 0xFD, 0x93, 0x26, 0x36, 0x3F, 0xF7, 0xCC, 0x34, 0xA5, 0xE5, 0xF1, 0x71, 0xD8, 0x31, 0x15,
    0x04, 0xC7, 0x23, 0xC3, 0x18, 0x96, 0x05, 0x9A, 0x07, 0x12, 0x80, 0xE2, 0xEB, 0x27, 0xB2, 0x75,
)
MIXED = (None, True, False, ..., 0, -1, 1.5, -2.25e-3, "str", b"bytes", 2 ** 70, (1, (2, (3, (4,)))), ())
TABLE = (
    ("red", (255, 0, 0), True),
    ("green", (0, 255, 0), False),
    ("blue", (0, 0, 255), True),
    ("white", (255, 255, 255), None),
    ("black", (0, 0, 0), None),
)
NESTED = ((((((("deep",),),),),),),)
FLOATS = (0.1, 0.2, 0.25, 1e10, 1e-10, 3.5, -0.0, 123.456)
BIGS = (2 ** 64, -(2 ** 64), 10 ** 30, 0xDEADBEEFCAFEBABE1234)
STRS = ("a", "bb", "a longer string constant", "", "tab\tsep", "\u00e9")
KEYMAP = (
    (0x04, "a"), (0x05, "b"), (0x06, "c"), (0x07, "d"), (0x08, "e"), (0x09, "f"),
    (0x0A, "g"), (0x0B, "h"), (0x0C, "i"), (0x0D, "j"), (0x0E, "k"), (0x0F, "l"),
    (0x10, "m"), (0x11, "n"), (0x12, "o"), (0x13, "p"), (0x14, "q"), (0x15, "r"),
    (0x16, "s"), (0x17, "t"), (0x18, "u"), (0x19, "v"), (0x1A, "w"), (0x1B, "x"),
    (0x1C, "y"), (0x1D, "z"), (0x2C, " "), (0x28, "\n"),
)

print("sbox len:", len(SBOX), "sum:", sum(SBOX), "xor:", end=" ")
x = 0
for v in SBOX:
    x ^= v
print(x)
print("sbox lookups:", [hex(SBOX[i]) for i in (0, 15, 16, 63)])
print("mixed:", MIXED)
print("mixed types:", [type(v).__name__ for v in MIXED])
for name, rgb, flag in TABLE:
    print("  %-6s #%02x%02x%02x %s" % (name, rgb[0], rgb[1], rgb[2], flag))
d = NESTED
depth = 0
while isinstance(d, tuple):
    d = d[0]
    depth += 1
print("nested depth:", depth, d)
print("floats:", ["%.3g" % f for f in FLOATS])
print("bigs:", BIGS, sum(BIGS) - BIGS[2] - BIGS[3])
print("strs:", STRS, [len(s) for s in STRS])
lookup = dict(KEYMAP)
codes = (0x0B, 0x08, 0x0F, 0x0F, 0x12, 0x2C, 0x13, 0x0C, 0x06, 0x12, 0x28)
print("decoded:", repr("".join(lookup[c] for c in codes)))


def const_in_function():
    local = ((1, 2), (3, 4), ("x", None), (True, False))
    return [a for a, _ in local], local[2][1] is None


print("function tuple:", const_in_function())
print("tuple identity across calls:", const_in_function() == const_in_function())
print("tuple compare:", (1, 2, (3, None)) == (1, 2, (3, None)), (1, (2,)) < (1, (3,)))
print("in tuple:", "blue" in [t[0] for t in TABLE], 0x2C in dict(KEYMAP), ... in MIXED)
print("count/index:", SBOX.count(0x7B), SBOX.index(0xF0), MIXED.index("str"))
LONG = tuple(range(0, 300, 7))
print("generated tuple:", len(LONG), LONG[-3:])
literal_list = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]]
print("list of lists:", sum(map(sum, literal_list)))
DICT_CONST = {"a": (1, 2), "b": (None, ...), "c": ((), ((),))}
print("dict const:", sorted(DICT_CONST.items(), key=lambda kv: kv[0]))
print("hash of tuples:", hash((1, 2)) == hash((1, 2)), len({(1, 2), (1, 2), (2, 1)}))
FROZEN_LIKE = (("GET", 200), ("POST", 201), ("DELETE", 204), ("PUT", 200), ("PATCH", 200))
by_status = {}
for method, status in FROZEN_LIKE:
    by_status.setdefault(status, []).append(method)
print("grouped:", sorted(by_status.items()))
