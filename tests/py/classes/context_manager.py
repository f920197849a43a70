class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


with Resource("a") as value:
    print("body", value)
with Resource("b", swallow=True):
    raise KeyError("swallowed")
try:
    with Resource("c"):
        raise ValueError("passes")
except ValueError as e:
    print("caught", e)
with Resource("x") as x, Resource("y") as y:
    print(x, y)


def early():
    with Resource("r"):
        return "returned"


print(early())
for i in range(2):
    with Resource("loop"):
        if i == 0:
            continue
        break
