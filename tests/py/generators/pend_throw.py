# generator.pend_throw (MicroPython's): the exception is thrown at the next
# resume instead of sending; None cancels; it returns what was pending.
def counter():
    n = 0
    while True:
        try:
            yield n
        except KeyError as error:
            print("caught", repr(error))
        n += 1


g = counter()
print(next(g), g.pend_throw(KeyError("a")), next(g), next(g))
print(g.pend_throw(KeyError("b")), g.pend_throw(None), next(g))
g.pend_throw(ValueError)
try:
    next(g)
except ValueError as error:
    print("raised", repr(error))
fresh = counter()
fresh.pend_throw(KeyError("early"))
try:
    next(fresh)
except KeyError as error:
    print("raised", repr(error))


def selfish():
    me.pend_throw(OSError())
    yield 1


me = selfish()
try:
    next(me)
except ValueError as error:
    print("raised", repr(error))
