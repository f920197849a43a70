# Descriptors: __get__, __set__ and __delete__ of a class attribute's own
# class, asked through instances; __set_name__ when the owner class is made.


class Celsius:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.key = "_" + name

    def __get__(self, obj, cls):
        print("get", type(obj).__name__, cls.__name__)
        return getattr(obj, self.key, 0)

    def __set__(self, obj, value):
        print("set", value)
        setattr(obj, self.key, value * 10)

    def __delete__(self, obj):
        print("delete")
        delattr(obj, self.key)


class Room:
    temp = Celsius()
    other = Celsius()


r = Room()
print(r.temp)
r.temp = 3
print(r.temp)
del r.temp
print(r.temp)
print(type(Room.__dict__["temp"]).__name__)


# A __get__-only descriptor: an instance attribute of the same name wins.
class Answer:
    def __get__(self, obj, cls):
        return 42


class Q:
    a = Answer()


q = Q()
print(q.a)
q.a = 7
print(q.a)


# __set_name__ may change the owner; every call is made once, in order.
class Renamer:
    def __init__(self, target):
        self.target = target

    def __set_name__(self, owner, name):
        print("naming", name)
        setattr(owner, self.target, name)


class Owner:
    x = Renamer("y")
    y = Renamer("x")


print(Owner.x, Owner.y)


# type() calls __set_name__ too.
T = type("T", (), {"z": Renamer("w")})
print(T.w)


# An exception in __set_name__ comes out of the class statement.
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError(name)


try:

    class Broken:
        item = Bad()

except ValueError as e:
    print("ValueError", e)


# delattr and setattr go through the hooks and descriptors as the statements do.
class Hooked:
    def __delattr__(self, name):
        print("delattr", name)


delattr(Hooked(), "missing")
try:
    delattr(object(), "x")
except AttributeError:
    print("AttributeError")
