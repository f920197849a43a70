def f():
    pass


class K:
    def m(self):
        pass


print(type(len).__name__, type([].append).__name__, type(print).__name__)
print(type(f).__name__, type(lambda: 0).__name__)
print(type(K().m).__name__, type(K.m).__name__)
print(type((x for x in [])).__name__, type(iter([])).__name__, type(iter(range(2))).__name__, type(iter({})).__name__)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(f, [])).__name__)
print(type(reversed([])).__name__, type(filter(None, [])).__name__)
print(type(K).__name__, type(K()).__name__, type(None).__name__, type(...).__name__ == type(Ellipsis).__name__)
