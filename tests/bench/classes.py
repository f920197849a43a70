# Class-heavy code: instances, methods, properties, inheritance, special methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Particle(Vec):
    def __init__(self, x, y, mass):
        super().__init__(x, y)
        self.mass = mass

    def weight(self):
        return self.mass * self.norm1


acc = Vec(0, 0)
total = 0
for i in range(15000):
    p = Particle(i % 13, -(i % 7), 1 + i % 3)
    acc = acc + p
    total += p.weight() + acc.dot(p) % 17
print(acc.x, acc.y, total)
