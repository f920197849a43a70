# Properties with getter, setter and deleter; attribute deletion; __setattr__ and __delattr__.
class Temperature:
    def __init__(self):
        self._c = 0.0
        self.changes = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
        self.changes += 1

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature()
t.celsius = 25.0
print(t.celsius, t.fahrenheit, t.changes)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
try:
    t.fahrenheit = 3
except AttributeError:
    print("read-only property")
del t.celsius
print(t.celsius)


class Plain:
    kind = "class attr"


p = Plain()
p.x = 1
p.kind = "instance attr"
print(p.x, p.kind, Plain.kind)
del p.kind
print(p.kind)
del p.x
print(hasattr(p, "x"))
try:
    del p.x
except AttributeError:
    print("no x to delete")


class Logged:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


item = Logged()
item.a = 1
item.b = 2
del item.a
print(item.log, item.b, hasattr(item, "a"))
