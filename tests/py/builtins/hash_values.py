print(hash(0), hash(1), hash(-1) == -1 or hash(-1) == -2, hash(True), hash(False))
print(hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(b"abc"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash(1) == hash(1.0), hash(2**70) == hash(2**70))
print(type(hash("x")), type(hash(1.5)))
class Key:
    def __init__(self, value):
        self.value = value
    def __hash__(self):
        return self.value % 7
    def __eq__(self, other):
        return self.value == other.value
print(hash(Key(10)), len({Key(1): 1, Key(8): 2, Key(1): 3}))
for unhashable in ([], {}, set()):
    try:
        hash(unhashable)
    except TypeError:
        print("TypeError", type(unhashable).__name__)
