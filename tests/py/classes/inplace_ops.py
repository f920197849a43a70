class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        print("iadd", other)
        self.items.append(other)
        return self

    def __add__(self, other):
        print("add", other)
        new = Acc()
        new.items = self.items + [other]
        return new

    def __isub__(self, other):
        self.items.remove(other)
        return self


a = Acc()
original = a
a += 1
a += 2
print(a is original, a.items)
a -= 1
print(a.items)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return OnlyAdd(self.v + other)


o = OnlyAdd(1)
first = o
o += 5
print(o.v, o is first)
x = [1]
y = x
x += [2]
print(x is y, y)
t = (1,)
u = t
t += (2,)
print(t is u, u, t)
