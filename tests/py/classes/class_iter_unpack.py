class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __iter__(self):
        yield self.x
        yield self.y

    def __eq__(self, other):
        return tuple(self) == tuple(other)


p = Point(3, 4)
x, y = p
print(x, y, list(p), tuple(p), max(p))
print(p == (3, 4), p == Point(3, 4), p == [4, 3])
print(dict([Point("k", "v")]), [a * b for a, b in [Point(1, 2), Point(3, 4)]])
print(*p)
print("{} {}".format(*p))
