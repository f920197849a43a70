class Named(list):
    def __init__(self, name, items=()):
        super().__init__()
        self.name = name
        self.extend(items)

    def __repr__(self):
        return self.name + ":" + str(len(self))


n = Named("nums", [3, 1, 2])
n.append(4)
print(n.name, len(n), sorted(n), n[0], n[-1])
n.sort()
print(list(n), n.name)


class Registry(dict):
    def __init__(self, owner):
        super().__init__()
        self.owner = owner

    def register(self, key, value):
        self[key] = value
        return self


r = Registry("me").register("a", 1).register("b", 2)
print(r.owner, sorted(r.items()), len(r), "a" in r)
r.owner = "you"
print(r.owner, r.get("b"), isinstance(r, dict))


class Filled(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag


class Options(dict):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.frozen = False


f = Filled("abc", 1)
o = Options(x=1, y=2)
print(f, f.tag, sorted(o.items()), o.frozen)
