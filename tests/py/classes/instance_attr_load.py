# Attribute loads in loops: the attribute moves between the instance and
# its class, is deleted and re-added, and `__class__`/`__dict__` are read
# the same way.
class Box:
    size = "class size"

    def __init__(self, size):
        self.size = size
        self.other = 0

    def __getattr__(self, name):
        return "missing " + name


boxes = [Box(1), Box(2)]
for round in range(3):
    print([b.size for b in boxes], boxes[0].other)
    if round == 0:
        del boxes[0].size
    elif round == 1:
        boxes[0].size = "back"
print(boxes[1].__class__ is Box, sorted(boxes[1].__dict__))
print(boxes[1].nothing)


class Plain:
    pass


items = []
for index in range(4):
    p = Plain()
    if index % 2:
        p.value = index
    items.append(p)
for p in items:
    try:
        print(p.value)
    except AttributeError:
        print("no value")
