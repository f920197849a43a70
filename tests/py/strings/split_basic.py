print("a b  c".split(), " lead trail ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), ",a,".split(","), "abc".split(","), "".split(","))
print("a--b--c".split("--"), "a b c d".split(" ", 2), "a b c".split(None, 1))
print("x\ty\nz".split(), "1,2,3".split(",", 0), "1,2,3".split(",", -1))
try:
    "abc".split("")
except ValueError:
    print("ValueError")
