# A 200-line module (its text below) compiled and run on the board.
import gc

SOURCE = """\
'A 200-line module compiled on the board: classes, functions, loops, comprehensions, exceptions.'
import gc

TABLE = {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4}
NAMES = ["north", "south", "east", "west"]

class Shape0:
    'Shape number 0.'
    sides = 3

    def __init__(self, size):
        self.size = size
        self.label = "shape-0-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build0(count):
    shapes = [Shape0(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

class Shape1:
    'Shape number 1.'
    sides = 4

    def __init__(self, size):
        self.size = size
        self.label = "shape-1-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build1(count):
    shapes = [Shape1(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

class Shape2:
    'Shape number 2.'
    sides = 5

    def __init__(self, size):
        self.size = size
        self.label = "shape-2-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build2(count):
    shapes = [Shape2(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

class Shape3:
    'Shape number 3.'
    sides = 6

    def __init__(self, size):
        self.size = size
        self.label = "shape-3-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build3(count):
    shapes = [Shape3(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

class Shape4:
    'Shape number 4.'
    sides = 7

    def __init__(self, size):
        self.size = size
        self.label = "shape-4-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build4(count):
    shapes = [Shape4(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

class Shape5:
    'Shape number 5.'
    sides = 8

    def __init__(self, size):
        self.size = size
        self.label = "shape-5-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build5(count):
    shapes = [Shape5(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

class Shape6:
    'Shape number 6.'
    sides = 9

    def __init__(self, size):
        self.size = size
        self.label = "shape-6-" + str(size)

    def area(self):
        total = 0
        for step in range(self.sides):
            total += (step + 1) * self.size
        return total

    def describe(self):
        return "%s has %d sides and area %d" % (self.label, self.sides, self.area())


def build6(count):
    shapes = [Shape6(n) for n in range(1, count + 1)]
    return sum(shape.area() for shape in shapes)

def safe_divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None
    finally:
        gc.collect()


def words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items())


RESULT_176 = build1(2) + len(NAMES[0])
RESULT_177 = build2(3) + len(NAMES[1])
RESULT_178 = build3(4) + len(NAMES[2])
RESULT_179 = build4(5) + len(NAMES[3])
RESULT_180 = build5(1) + len(NAMES[0])
RESULT_181 = build6(2) + len(NAMES[1])
RESULT_182 = build0(3) + len(NAMES[2])
RESULT_183 = build1(4) + len(NAMES[3])
RESULT_184 = build2(5) + len(NAMES[0])
RESULT_185 = build3(1) + len(NAMES[1])
RESULT_186 = build4(2) + len(NAMES[2])
RESULT_187 = build5(3) + len(NAMES[3])
RESULT_188 = build6(4) + len(NAMES[0])
RESULT_189 = build0(5) + len(NAMES[1])
RESULT_190 = build1(1) + len(NAMES[2])
RESULT_191 = build2(2) + len(NAMES[3])
RESULT_192 = build3(3) + len(NAMES[0])
RESULT_193 = build4(4) + len(NAMES[1])
RESULT_194 = build5(5) + len(NAMES[2])
RESULT_195 = build6(1) + len(NAMES[3])
RESULT_196 = build0(2) + len(NAMES[0])
SUMMARY = [Shape3(2).describe(), safe_divide(7, 2), safe_divide(1, 0), words("a b a c b a")]
TOTAL = sum(value for name, value in globals().items() if name.startswith("RESULT_"))

"""

print(len(SOURCE.splitlines()), "lines")
gc.collect()
code = compile(SOURCE, "module_200.py", "exec")
namespace = {"__name__": "module_200"}
exec(code, namespace)
print(namespace["TOTAL"])
print(namespace["SUMMARY"])
print(namespace["Shape6"](3).describe())
