class NoLen:
    pass


class GoodLen:
    def __len__(self):
        return 3


print(len(GoodLen()))
try:
    len(NoLen())
except TypeError:
    print("TypeError: no len")
