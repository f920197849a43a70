class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __str__(self):
        return "P(%d, %d)" % (self.x, self.y)
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
p = Point(1, 2)
print("{}".format(p), "{!r}".format(p), "%s %r" % (p, p), str(p), repr(p))
print("{:>10}".format(str(p)), [p], (p,))
