# All literal forms: integers in every base with underscores, big ints,
# floats with exponents, complex, strings (escapes, raw, triple-quoted,
# implicit concatenation), bytes escapes, containers, f-strings.

ints = (0, 7, -7, 1_000_000, 0x_FF, 0XdeadBEEF, 0o777, 0O17, 0b1010_1010, 0B1, 00, 0_0)
print("ints:", ints)
bigs = (123456789012345678901234567890, 0xFFFF_FFFF_FFFF_FFFF_FFFF, 0b1 << 80, -0o7777777777777777777777)
print("bigs:", bigs)
print("boundary:", 2 ** 30 - 1, 2 ** 30, 2 ** 31, 2 ** 62, 2 ** 63, 2 ** 64, -2 ** 63, 1 << 29, (1 << 30) + 1)
floats = (1.0, 0.5, .25, 5., 1e3, 1E-3, 2.5e+2, 1_000.5, 3.14e-0, 0.0, -0.0)
print("floats:", ["%.4f" % f for f in floats])
print("float exp fmt:", "%e" % 12345.678, "%.2e" % 0.000321, "%g" % 1e20, "%g" % 0.5)
print("float specials:", float("inf"), -float("inf"), float("nan") != float("nan"))
z = 2j
w = 3 + 4j
print("complex:", z * z, w.real, w.imag, abs(w), w * (1 - 2j), w.conjugate() if hasattr(w, "conjugate") else (3-4j))
print("complex eq:", (1 + 2j) == complex(1, 2), 1j * 1j == -1)
s1 = 'single'
s2 = "double"
s3 = '''triple
single'''
s4 = """triple "double" with 'quotes'
  and indentation kept"""
print(s1, s2)
print(s3)
print(s4)
print("escapes:", "tab\there", "nl\\n", "quote\"s", 'apos\'s', "bell\a".count("\a"), "\x41\x42", "\101\102", "\u00e9", len("\u00e9"))
print("unicode:", "caf\u00e9", "\u03c0\u2248", len("\U0001F600"))
raw = r"C:\path\to\new\file"
print("raw:", raw, len(raw), r"\d+\.\d*", r"raw\x41")  # uppercase R prefix is rejected by MicroPython
concat = "implicit " 'concat ' """works """ r"\too"
print("concat:", concat)
multi = ("line one "
         "line two "
         "line three")
print("paren concat:", multi)
b1 = b"bytes\x00\xff\n\t\\"
print("bytes:", b1, len(b1), list(b1[-4:]))
print("bytes forms:", b'single', rb"raw\x00", br"\n", b"\101")
print("bytes concat:", b"ab" b"cd" rb"\e")
print("containers:", [], [1], [1, 2,], (), (1,), (1, 2,), {}, sorted({1: "a", 2: "b",}.items()), sorted({1, 2, 3}))
print("nested:", [[1, [2, [3, [4]]]], {"k": (1, {2: [3]})}])
print("constants:", None, True, False, ..., Ellipsis is ...)
print("nested tuple const:", ((1, 2), (3, (4, 5)), ("a", None, True, 2.5, b"x")))
x, w_, p = 3.14159, 10, 3
name = "rime"
print(f"plain {name}")
print(f"{x:.2f}|{x:{w_}.{p}f}|{x:<{w_}.1f}|{x:>10.4f}|{x:+.1e}")
print(f"{name!r} {name!s} {name:>8} {name:*^10} {name:.2}")
print(f"{42:05d} {42:x} {42:X} {42:o} {42:b} {255:#x} {255:#o} {5:#b}")
print(f"{1234567:,} {-17:d} {17:+d} {0.125:%} {1e6:.3g}")
print(f"{x=}", f"{w_=}", f"{name=}")
print(f"{'nested'} {[1, 2][1]} {({'a': 1})['a']} {name.upper()} {len(name) + 1}")
print(f"braces {{literal}} {{{name}}}")
print(f"multi " f"part {name}" " plain")
items = ["a", "b"]
print(f"{', '.join(items)} {items!r} {3 if x > 3 else 4}")
print("format method:", "{:08.3f}".format(3.5), "{:x}".format(255), "{:^5}".format("s"), "{0}{1}{0}".format("a", "b"))
print("str.format:", "{:>6}|{:<6}|{:^6}".format(1, 2, 3), "{name}-{0}".format(9, name="n"), "{!r}".format("q"))
print("percent dict:", "%(a)s and %(b)d" % {"a": "x", "b": 7})
