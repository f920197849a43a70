print(len(""), len("abc"), len("é€"), len(b"ab"), len(bytearray(5)))
print(len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({1: 2, 3: 4}))
print(len(set()), len({1, 2, 2}), len(frozenset("abca")), len(range(10)), len(range(0, 10, 3)))
print(len(range(10, 0)), len(range(-5, 5, 2)), len(memoryview(b"abcd")))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
for bad in (1, None, 2.5):
    try:
        len(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
