class C:
    pass


for a, b in ((C(), 1), ([1], 1), ("s", 1), (1.5, "x"), (None, 1)):
    try:
        a += b
        print("no error", a)
    except TypeError as e:
        print(type(a).__name__, "+=", type(b).__name__, "->", e)
