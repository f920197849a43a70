class Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "<" + self.name + ">"

    def __repr__(self):
        return "Named(" + repr(self.name) + ")"


n = Named("n")
print(str(n), "%s" % n)
print("{}".format(n))
print(f"{n}")
print(repr(n), [n], "%r" % n, "{!r}".format(n))
