class Base:
    def __init__(self, x):
        self.x = x
        print("Base init", x)

    def value(self):
        return self.x

    @classmethod
    def make(cls, x):
        print("Base.make for", cls.__name__)
        return cls(x)


class Child(Base):
    def __init__(self, x):
        super().__init__(x * 2)
        print("Child init", self.x)

    def value(self):
        return super().value() + 1

    @classmethod
    def make(cls, x):
        print("Child.make")
        return super().make(x)


class Grandchild(Child):
    def value(self):
        return super(Child, self).value() * 100


c = Child(5)
print(c.value())
print(super(Child, c).value())
g = Grandchild(1)
print(g.value())
m = Child.make(3)
print(type(m).__name__, m.value())
