def gen():
    try:
        yield 1
    except RuntimeError as e:
        print("caught", type(e).__name__, e.args)
        yield "handled"


g = gen()
next(g)
print(g.throw(RuntimeError))
g = gen()
next(g)
print(g.throw(RuntimeError("with message")))
