# A library whose body the freezer lays out partly in flash: functions with
# and without constant defaults, a class with methods, a def in a loop.
print("flashlib: body starts")
X = 10
counter = 0


def add(a, b=1, c="c"):
    return a + b + X, c


def bump():
    global counter
    counter += 1
    return counter


def call_add():
    return add(1)


def names():
    return sorted(k for k in globals() if not k.startswith("_"))


def fail(depth):
    if depth == 0:
        raise ValueError("from flash")
    return fail(depth - 1)


print("flashlib: functions made", add(1))


class Shape:
    sides = 0

    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.sides

    @staticmethod
    def kind():
        return "shape"

    @classmethod
    def make(cls, size=2):
        return cls(size)

    @property
    def double(self):
        return 2 * self.size


made_in_loop = []
for i in range(3):

    def in_loop(value=i):
        return value

    made_in_loop.append(in_loop)

print("flashlib: body ends", __name__)
