# super().__init__ on a list or dict subclass makes its items anew.
class L(list):
    def __init__(self, a, b):
        super().__init__([a, b])

    def reinit(self):
        super().__init__(range(2))


l = L(5, 6)
print(l)
l.reinit()
print(l)


class D(dict):
    def again(self):
        super().__init__(z=1)


d = D(a=1)
print(d)
d.again()
print(d)
