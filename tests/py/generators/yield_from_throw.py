def inner():
    while True:
        try:
            yield "inner"
        except ValueError:
            print("inner handled ValueError")


def outer():
    try:
        yield from inner()
    except KeyError:
        print("outer handled KeyError")
        yield "outer"


g = outer()
print(next(g))
print(g.throw(ValueError))
print(g.throw(KeyError))


def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally")


def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")


c = closing_outer()
next(c)
c.close()
