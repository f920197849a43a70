class Plain:
    pass


p = Plain()
text = repr(p)
print(text.startswith("<Plain object at "), text.endswith(">"), str(p) == text)
print(repr(Plain).startswith("<class 'Plain'"))


class WithStrOnly:
    def __str__(self):
        return "str only"


w = WithStrOnly()
print(str(w), repr(w).startswith("<WithStrOnly object"))
