print(",".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join([]))
print(", ".join(str(i) for i in range(4)), "+".join(("1",)), "ab".join(["1", "2", "3"]))
print("\n".join(["line1", "line2"]))
print(b",".join([b"a", b"b"]), b"".join([b"x", bytearray(b"y")]))
try:
    ",".join(["a", 1])
except TypeError:
    print("TypeError")
