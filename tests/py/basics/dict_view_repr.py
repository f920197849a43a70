# Dict views print as MicroPython prints them.
d = {1: "a"}
print(d.keys(), d.values(), d.items())
print({}.keys(), str({3: (4, 5)}.items()), repr({"k": None}.values()))
print(1 in d.keys(), "a" in d.values(), [d.keys()])
