log = []


def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        log.append("inner finally")


def outer():
    try:
        yield from inner()
        yield "o1"
    finally:
        log.append("outer finally")


g = outer()
print(next(g))
g.close()
print(log)
g2 = outer()
print(list(g2), log)
