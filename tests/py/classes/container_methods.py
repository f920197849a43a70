class Grid:
    def __init__(self):
        self.cells = {}

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(key, 0)

    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value

    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells


g = Grid()
g[1, 2] = "a"
g["k"] = "b"
print(len(g), g[1, 2], g["zz"])
print((1, 2) in g, (2, 1) in g, "k" not in g)
del g["k"]
print(len(g))
g[0] += 5
print(g[0])
