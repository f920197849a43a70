# Classes whose bodies only store constants, functions and wrappers of
# functions: the freezer lays their dicts out in flash.
print("classlib: body starts")


class Plain:
    LIMIT = 3
    NAME = "plain"

    def __init__(self, value=1):
        self.value = value

    def get(self):
        return self.value

    def scaled(self, factor=2):
        return self.value * factor * self.LIMIT

    @staticmethod
    def helper(x):
        return x + 1

    @classmethod
    def build(cls):
        return cls(7)

    @property
    def twice(self):
        return 2 * self.value


class Child(Plain):
    LIMIT = 10

    def get(self):
        return -self.value


class Empty:
    pass


print("classlib: body ends")
