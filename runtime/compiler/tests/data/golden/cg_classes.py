class Base:
    """doc"""
    X = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def get(self):
        return super().get() + self.w
    @property
    def both(self):
        return (self.v, self.w)
    @staticmethod
    def s(a, *b):
        return a
    @classmethod
    def c(cls):
        return cls.X

def deco(fn):
    return fn

@deco
class D(Child, metaclass=type):
    pass

class E():
    def m(self):
        x = super()
        return __class__
print(Child(1, 2).get(), D(3, 4).both)
