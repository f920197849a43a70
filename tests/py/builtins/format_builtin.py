# rime-only: MicroPython 1.27 has no format() builtin; expected output from CPython
print(format(5), format(5, "03d"), format(255, "x"), format(255, "#X"), format(-7, "+d"))
print(format(3.14159, ".2f"), format(1234567, ","), format(0.5, "%"), format(1e-5, "e"))
print(repr(format("ab", ">5")), repr(format("ab", "*^6")), format("text"), format(True))
print(format(12, "b"), format(12, "o"), format(-12, "08b"), format(2**70, "_x"))
print(format([1, 2]), format(None), format(2.5))
try:
    format(1, "z")
except ValueError:
    print("ValueError")
