class ByValue:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    __hash__ = None


a = ByValue(1)
print(a == ByValue(1))
try:
    {a: 1}
except TypeError:
    print("TypeError: unhashable")
try:
    hash(a)
except TypeError:
    print("TypeError from hash()")
print(hash(()) == hash(()), hash("x") == hash("x"))
