class Truthy:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        print("bool", self.value)
        return self.value


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(bool(Truthy(True)), bool(Truthy(False)))
if Truthy(False) or Truthy(True):
    print("or works")
print(not Truthy(False))
print(bool(Sized(0)), bool(Sized(3)), len(Sized(4)))
if not Sized(0):
    print("empty is falsy")


class Plain:
    pass


print(bool(Plain()))
x = Truthy(True) and "and result"
print(x)
while Sized(0):
    print("never")
