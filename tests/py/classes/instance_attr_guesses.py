# Instance attribute loads and stores that guess where a name lies in the
# instance dict from other instances of the class: the guess must never
# decide the result on its own.


class Point:
    def __init__(self, x, y, swapped=False):
        if swapped:
            self.y = y
            self.x = x
        else:
            self.x = x
            self.y = y


class Other:
    pass


# Instances of one class filling their dicts in different orders.
points = []
for i in range(6):
    p = Point(i, -i, i % 2 == 0)
    p.extra = i * 10
    points.append(p)
for p in points:
    p.x += 1
    print(p.x, p.y, p.extra)

# An attribute deleted then stored again lands in another entry.
p = Point(1, 2)
p.z = 3
del p.x
print(hasattr(p, "x"), p.y, p.z)
p.x = 5
print(p.x, p.y, p.z)
q = Point(7, 8)
print(q.x, q.y)
q.x = 70
print(q.x, q.y)

# Names stored through setattr with strings made at run time.
name = "".join(["dyn", "amic"])
setattr(q, name, 11)
print(getattr(q, name), q.dynamic)
q.dynamic = 12
print(getattr(q, name))

# A class attribute shadowed by an instance attribute, then the class
# attribute changed between loop iterations.
class Counter:
    step = 1


c = Counter()
d = Counter()
for round in range(3):
    Counter.step = round + 10
    print(c.step, d.step)
    if round == 1:
        c.step = 100
print(c.step, d.step)
del c.step
print(c.step)

# Many attributes: more entries than the guess can name (it holds 0..255).
big = Other()
for i in range(300):
    setattr(big, "a%d" % i, i)
total = 0
for i in range(300):
    total += getattr(big, "a%d" % i)
print(total, big.a0, big.a299)
big.a299 = -1
big.a0 = -2
print(big.a299, big.a0)

# A new instance after the class's instances have grown big, and one of
# another class at the same time.
small = Other()
small.only = 1
print(small.only, len(small.__dict__))

# A property added to the class later takes over stores and loads.
class Late:
    pass


late = Late()
late.value = 1
print(late.value)


def get_value(self):
    return "property"


def set_value(self, value):
    print("setter", value)


Late.value = property(get_value, set_value)
late.value = 2
print(late.value)
fresh = Late()
fresh.value = 3
print(fresh.value)

# A __setattr__ added to the class later.
class Hooked:
    pass


h = Hooked()
h.a = 1


def hook(self, name, value):
    print("hook", name, value)
    object.__setattr__(self, name, value * 2)


Hooked.__setattr__ = hook
h.a = 5
print(h.a)
h.b = 6
print(h.b)

# __getattr__ is only asked when the dict and class both miss.
class Fallback:
    def __getattr__(self, name):
        return "missing " + name


f = Fallback()
f.here = "here"
for _ in range(2):
    print(f.here, f.absent)

# __class__ and __dict__ are never taken from a guess.
points = [Point(1, 2), Point(3, 4, True)]
for step in range(3):
    for p in points:
        print(p.x, p.y, p.__class__.__name__, type(p).__name__, sorted(p.__dict__.items()))
        p.x = p.x * 10
