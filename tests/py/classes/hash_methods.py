class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return len(self.name)

    def __eq__(self, other):
        return self.name == other.name


d = {Key("ab"): 1}
d[Key("ab")] = 2
d[Key("cd")] = 3
print(len(d), d[Key("ab")], d[Key("cd")])
s = {Key("x"), Key("x"), Key("y")}
print(len(s))
print(hash(Key("four")))


class Default:
    pass


o = Default()
print(hash(o) == hash(o), {o: 1}[o])
