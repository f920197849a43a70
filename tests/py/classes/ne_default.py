class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq called")
        return self.v == other.v


x, y = OnlyEq(1), OnlyEq(1)
print(x != y)
print(x == y)


class Reflected:
    def __lt__(self, other):
        return "Reflected.lt"

    def __gt__(self, other):
        return "Reflected.gt"


r = Reflected()
print(r < 1)
try:
    print(1 < r)
except TypeError:
    print("no reflected comparison with int on the left")
print(r > 1)
