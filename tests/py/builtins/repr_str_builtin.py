print(repr(1), repr(-1.5), repr("a"), repr("it's"), repr('say "hi"'), repr(b"x"))
print(repr("\n\t\r\\"), repr("\x00\x7f"), repr([1, "a", None]), repr((1,)))
print(str(1), str(-1.5), str("a"), str(b"x"), str([1, "a"]), str(None), str(True))
print(str(), repr(""), str(1e100), repr(1e-7), str(2**70))
class Both:
    def __str__(self):
        return "str form"
    def __repr__(self):
        return "repr form"
class ReprOnly:
    def __repr__(self):
        return "only repr"
print(str(Both()), repr(Both()), [Both()], str(ReprOnly()), (ReprOnly(),))
print("%s %r" % (Both(), Both()))
print(repr(repr("q")))
