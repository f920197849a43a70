print("%s and %s" % ("this", "that"), "%d%%" % 50, "%s" % (1,), "%s" % [1, 2])
print("%r %r" % ("s", b"b"), "%5s|%-5s|" % ("r", "l"), "%.2s" % "abc")
print("%d %i %d" % (42, -3, 3.9), "%x %X %o" % (255, 255, 8), "%#x %#o" % (255, 8))
print("%c%c%c" % (80, "y", 33), "%%", "%s" % None)
print("%(x)s=%(y)d" % {"x": "k", "y": 2}, "%(a)r" % {"a": "q"})
try:
    "%d" % "x"
except TypeError:
    print("TypeError")
try:
    "%s %s" % ("only",)
except TypeError:
    print("TypeError few")
try:
    "%s" % (1, 2)
except TypeError:
    print("TypeError many")
