class A:
    def who(self):
        return "A"

    def only_a(self):
        return "only A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()

    def only_c(self):
        return "only C"


class D(B, C):
    def who(self):
        return "D>" + super().who()


d = D()
print(d.who())
print(d.only_a(), d.only_c())
print(isinstance(d, A), isinstance(d, B), isinstance(d, C))
print(issubclass(D, (int, C)), issubclass(D, (int, str)))


class Left:
    tag = "left"


class Right:
    tag = "right"
    extra = "from right"


class Both(Left, Right):
    pass


print(Both.tag, Both.extra, Both().tag)
