class Base:
    kind = "base"

    def __init__(self, value):
        self.value = value

    def describe(self):
        return "%s:%d" % (self.kind, self.value)

    @staticmethod
    def helper(x):
        return x * 2

    @classmethod
    def make(cls, v):
        return cls(v)

    @property
    def double(self):
        return self.value * 2


class Derived(Base):
    kind = "derived"

    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra

    def describe(self):
        return super().describe() + "+" + str(self.extra)

    def __repr__(self):
        return "Derived(%r)" % self.value


class Empty:
    pass


class WithMeta(Base, Empty):
    x: int = 5


d = Derived(3, 4)
print(d.describe(), d.double, Base.helper(2), Derived.make(1) if False else None)
print(repr(d), isinstance(d, Base), issubclass(Derived, Base))
del d.extra
