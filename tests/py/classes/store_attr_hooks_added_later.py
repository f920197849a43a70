# Stores on instances: plain ones, then classes that gain a property or a
# __setattr__ after other instances were already stored to.
class Plain:
    pass


p = Plain()
p.x = 1
p.x += 1
print(p.x)


class Later:
    pass


later = Later()
later.a = 1
print(later.a)


def hook(self, name, value):
    print("hook", name, value)


Later.__setattr__ = hook
later.a = 2
print(later.a)


class Sub(Later):
    pass


s = Sub()
s.b = 3


class WithProperty:
    def get_v(self):
        return 10

    def set_v(self, value):
        print("set_v", value)

    v = property(get_v, set_v)
    ro = property(get_v)


w = WithProperty()
w.v = 5
print(w.v)
try:
    w.ro = 1
except AttributeError as e:
    print("AttributeError")


class Added:
    pass


a = Added()
a.v = 1
setattr(Added, "v", property(lambda self: 7))
try:
    a.v = 2
except AttributeError as e:
    print("AttributeError")
print(a.v)

T = type("T", (), {})
t = T()
t.z = 4
print(t.z)
