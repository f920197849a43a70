class Both:
    def __repr__(self):
        return "Both(repr)"

    def __str__(self):
        return "Both(str)"


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


b = Both()
print(b, repr(b), str(b), [b], (b,))
print("%s %r" % (b, b))
print("{} {!r}".format(b, b))
o = OnlyRepr()
print(o, str(o), [o])
print(str(o) == repr(o))
