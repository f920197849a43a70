value = 5


def read_global():
    return globals()["value"]


print(read_global())
g = globals()
g["injected"] = "via globals()"
print(injected)
print("value" in g, "missing" in g)

