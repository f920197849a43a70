class Loud:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        print("add", self.n, other.n)
        return Loud(self.n + other.n)

    def __mul__(self, other):
        print("mul", self.n, other.n)
        return Loud(self.n * other.n)

    def __neg__(self):
        print("neg", self.n)
        return Loud(-self.n)


a, b, c = Loud(1), Loud(2), Loud(3)
r = a + b * c
print(r.n)
r = -(a + b) * c
print(r.n)
