# Stores under names (interned strings) into dicts, instance dicts and
# globals, mixed with keys that are str objects made at run time, deleted
# keys and growth: a name finds the entry of an equal str key, and every
# store lands in one entry.

d = {}
made = "".join(["al", "pha"])
d[made] = 1
d["alpha"] = 2
print(len(d), d["alpha"], d[made])
d["beta"] = 3
del d["alpha"]
d["alpha"] = 4
print(sorted(d.items()))
for i in range(20):
    d["k" + str(i)] = i
print(len(d), d["k7"], d["k19"], d["alpha"], d["beta"])


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.x = 10
p.z = 30
setattr(p, "".join(["w", "x"]), 40)
p.wx = 41
print(p.x, p.y, p.z, p.wx, sorted(p.__dict__.items()))
del p.y
p.y = 5
print(sorted(p.__dict__.items()))
for i in range(12):
    setattr(p, "a" + str(i), i)
print(len(p.__dict__), p.a11, p.x, p.y)

counter = 0


def bump():
    global counter, fresh
    counter += 1
    fresh = counter * 2


for _ in range(3):
    bump()
print(counter, fresh)
globals()["".join(["made", "_global"])] = 7
made_global = 8
print(made_global, globals()["made_global"])

# A global whose value only the module's run knows, stored from a function.
table = list(range(3))


def replace_table(value):
    global table
    table = value


for n in range(3):
    replace_table([n])
print(table, globals()["table"])
