class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, kind, value, traceback):
        print("exit", self.name, kind is not None)
        return self.swallow
with Manager("a") as m:
    print("inside", m.name)
with Manager("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Manager("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
def early():
    with Manager("d"):
        return "returned"
print(early())
for i in range(2):
    with Manager("loop%d" % i):
        if i == 0:
            continue
        break
with Manager("x") as x, Manager("y") as y:
    print(x.name, y.name)
