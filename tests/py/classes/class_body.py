x = "global"


class Config:
    x = "class"
    y = x + "-derived"
    items = [i * 2 for i in range(3)]
    if len(items) > 2:
        big = True
    else:
        big = False

    def method(self):
        return x


print(Config.y, Config.items, Config.big, Config().method())


def factory(n):
    class Made:
        size = n

        def get(self):
            return self.size + n

    return Made


M3 = factory(3)
print(M3.size, M3().get(), factory(10)().get())
print(M3.__name__)
