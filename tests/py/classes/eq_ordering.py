class Version:
    def __init__(self, major, minor):
        self.key = (major, minor)

    def __eq__(self, other):
        return isinstance(other, Version) and self.key == other.key

    def __lt__(self, other):
        return self.key < other.key

    def __le__(self, other):
        return self.key <= other.key

    def __gt__(self, other):
        return self.key > other.key

    def __ge__(self, other):
        return self.key >= other.key

    def __repr__(self):
        return "v%d.%d" % self.key


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != c, a == b, a != b, a == 5)
print(a < b, a <= c, b > a, b >= b, a > b)
print(sorted([b, a, Version(0, 9)]))
print(max([a, b, c]), min(a, b))
print(a in [b, c], a is c)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != Plain())
