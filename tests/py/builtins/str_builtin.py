print(str(), str(""), str("a"), str(12), str(-0.5), str([1, 2]), str((1,)), str({1: 2}))
print(str(b"abc", "utf-8"), str(bytearray(b"xy"), "utf-8"), str(b"a"))
print(str(None), str(True), str(str), str(1 == 1))
print(type(str(1)), str("x") is not None, len(str(2**100)))
class Named:
    def __str__(self):
        return "Named!"
print(str(Named()), "%s" % Named(), "{}".format(Named()))
