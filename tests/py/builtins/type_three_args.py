Base = type("Base", (), {"greet": lambda self: "hello from " + type(self).__name__, "value": 1})
Child = type("Child", (Base,), {"value": 2})
b = Base()
c = Child()
print(b.greet(), c.greet(), b.value, c.value, Child.value)
print(isinstance(c, Base), issubclass(Child, Base), type(c) is Child, Child.__name__)
def init(self, x):
    self.x = x
WithInit = type("WithInit", (), {"__init__": init})
print(WithInit(7).x)
