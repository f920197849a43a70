class Base:
    def hello(self):
        return "Base"

    def shared(self):
        return "shared from Base"


class Left(Base):
    def hello(self):
        return "Left"


class Right(Base):
    def hello(self):
        return "Right"

    def shared(self):
        return "shared from Right"


class Bottom(Left, Right):
    pass


b = Bottom()
print(b.hello())
print(Bottom.__bases__ == (Left, Right))


class X:
    def f(self):
        return "X.f"


class Y(X):
    pass


class Z:
    def f(self):
        return "Z.f"


class W(Y, Z):
    pass


print(W().f())
