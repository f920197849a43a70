def show(f):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


def set_item():
    x = 5
    x[0] = 1


def del_item():
    x = 5
    del x[0]


show(lambda: -"x")
show(lambda: ~1.5)
show(lambda: +[1])
show(lambda: 2 ** "x")
show(lambda: [1] * "x")
show(lambda: 1 < None)
show(lambda: {} < {})
show(lambda: hash({}))
show(lambda: hash([1]))
show(lambda: len(None))
show(lambda: len(5))
show(set_item)
show(del_item)
show(lambda: (5)[0])
show(lambda: (1)())
show(lambda: [][[]])
show(lambda: (1,)["a"])
x = 1
try:
    x += "a"
except TypeError as e:
    print("TypeError:", e)
