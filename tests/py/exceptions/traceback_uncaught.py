def parse(text):
    return int(text)


def load(items):
    return [parse(item) for item in items]


print(load(["1", "2"]))
print("about to fail")
load(["3", "four"])
print("never printed")
