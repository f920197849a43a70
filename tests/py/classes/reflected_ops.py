class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        print("radd", other)
        return Money(self.cents + other)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        print("rmul", k)
        return Money(self.cents * k)

    def __rsub__(self, other):
        return Money(other - self.cents)


m = Money(50)
print(m + 5, 5 + m, m + m)
print(m * 2, 3 * m, 100 - m)
print(sum([Money(1), Money(2)]))
try:
    m - 1
except TypeError:
    print("no __sub__")
