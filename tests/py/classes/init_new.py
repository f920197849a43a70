class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, x, y):
        print("init", x, y)
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, type(p).__name__)


class Singleton:
    instance = None

    def __new__(cls):
        if cls.instance is None:
            cls.instance = object.__new__(cls)
            cls.instance.count = 0
        return cls.instance

    def __init__(self):
        self.count += 1


a = Singleton()
b = Singleton()
print(a is b, a.count)


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(NotMine())
