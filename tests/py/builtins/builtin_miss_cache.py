# A builtin found after the module's globals were searched in vain stays
# right when a global of its name appears later: stored from another module,
# through globals(), or deleted again, while other dicts change meanwhile.
import shadow_target


class Point:
    def __init__(self, x):
        self.x = x


def warm():
    for step in range(3):
        shadow_target.letters(3)
        shadow_target.code_of("a")
        shadow_target.measures([3, 1, 2])


warm()
print(shadow_target.letters(4), shadow_target.code_of("a"), shadow_target.measures([3, 1, 2]))

# A global stored into the module from here wins at once.
shadow_target.chr = lambda code: "<" + str(code) + ">"
print(shadow_target.letters(2))
del shadow_target.chr
print(shadow_target.letters(2))

# Other dicts gaining keys in between change nothing.
points = [Point(index) for index in range(5)]
warm()
shadow_target.ord = lambda text: -1
print(shadow_target.code_of("a"), [point.x for point in points])
del shadow_target.ord
print(shadow_target.code_of("a"))

# The module's own globals() dict.
warm()
shadow_target.set_own_global("len", lambda items: 100)
print(shadow_target.measures([3, 1, 2]))
shadow_target.set_own_global("min", lambda items: "low")
print(shadow_target.measures([3, 1, 2]))
shadow_target.drop_own_global("len")
print(shadow_target.measures([3, 1, 2]))
shadow_target.drop_own_global("min")
print(shadow_target.measures([3, 1, 2]))

# Stored with setattr from here.
warm()
setattr(shadow_target, "abs", lambda value: "abs!")
print(shadow_target.measures([5]))
delattr(shadow_target, "abs")
print(shadow_target.measures([5]))

# The same in this module's own globals, many times over.
def here(items):
    return len(items), max(items)


for step in range(6):
    if step == 2:
        globals()["max"] = lambda items: "mine"
    if step == 3:
        len = lambda items: -len.__class__.__name__.count("f")
    if step == 4:
        del globals()["max"]
    if step == 5:
        del len
    print(step, here([4, 9]))
