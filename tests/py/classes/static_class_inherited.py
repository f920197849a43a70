class Base:
    @staticmethod
    def kind():
        return "static"

    @classmethod
    def make(cls, *args):
        return cls.__name__, args


class Derived(Base):
    pass


d = Derived()
print(Base.kind(), Derived.kind(), d.kind())
print(Base.make(1), Derived.make(2, 3), d.make())
f = Derived.make
print(f("bound to Derived"))
g = d.kind
print(g())
