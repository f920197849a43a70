class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(3, 4)
q = Point(1, 1)
print(p, p.norm2(), p + q, p == Point(3, 4), p == q, Point.count)
print([p, q], str(p))
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def norm2(self):
        return super().norm2() + self.z * self.z
p3 = Point3(1, 2, 3)
print(p3.norm2(), isinstance(p3, Point), isinstance(p, Point3), p3.count)
class Stack:
    def __init__(self):
        self.items = []
    def push(self, item):
        self.items.append(item)
        return self
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, item):
        return item in self.items
    def __getitem__(self, index):
        return self.items[index]
s = Stack().push(1).push(2).push(3)
print(len(s), list(s), 2 in s, 9 in s, s[0], s[-1], bool(s), sum(s))
class Counter:
    def __init__(self, limit):
        self.limit = limit
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.n >= self.limit:
            raise StopIteration
        self.n += 1
        return self.n
print(list(Counter(4)), [x * 2 for x in Counter(3)])
class WithStatic:
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def name(cls):
        return cls.__name__
    @property
    def value(self):
        return 42
w = WithStatic()
print(WithStatic.twice(4), w.twice(5), WithStatic.name(), w.name(), w.value)
class Animal:
    sound = "..."
    def speak(self):
        return self.__class__.__name__ + " says " + self.sound
class Dog(Animal):
    sound = "woof"
print(Dog().speak(), Animal().speak())
