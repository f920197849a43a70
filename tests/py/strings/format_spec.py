for spec in ("", "10", "<10", ">10", "^10", "*^11", "=+8", "+", "-", " ", "08", "#x", "#X", "#o", "#b", "x", "o", "b", "c", ",", "_", "_x"):
    try:
        print(repr(spec), repr(("{:" + spec + "}").format(255 if spec != "c" else 65)))
    except ValueError as error:
        print(repr(spec), "ValueError")
for spec in ("", ".2f", "10.3f", "<10.1f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", "+.2f", "010.2f"):
    print(repr(spec), repr(("{:" + spec + "}").format(12345.6789)))
print("{:.3}".format("abcdef"), "{:>6.2}".format("xyz"), "{!r:>8}".format("q"))
print("{:{fill}{align}{width}}".format("mid", fill="-", align="^", width=9))
print("{:>{}}".format("r", 4), "{:{}}|".format(7, 3))
print("%s %r %d %i %u" % ("s", "r", 1, 2, 3))
print("%5.2f|%-8.3e|%g" % (3.14159, 1234.56, 0.0001))
print("%o %x %X %#x %#o" % (8, 255, 255, 255, 8))
print("%+d % d %03d" % (5, 5, 5))
print("%-6s|%6s|" % ("ab", "cd"))
print("%c%c" % (72, "i"))
print("%.3s" % "abcdef")
print("%*d|%-*d|" % (5, 1, 4, 2))
