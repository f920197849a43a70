parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for word in ["alpha", "beta", "gamma"]:
    s += word[0].upper() + word[1:] + " "
print(s.strip())
table = "\n".join("%-5s%3d" % (name, score) for name, score in [("ann", 9), ("bob", 12)])
print(table)
print("%s has %d items costing %.1f" % ("cart", 3, 9.95))
print("{0}-{1}-{0}".format("x", "y"), "{name}!".format(name="hi"))
