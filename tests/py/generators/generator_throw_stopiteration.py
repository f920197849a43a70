def gen():
    try:
        yield 1
    except ValueError:
        return "returned after ValueError"


g = gen()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration carries", e.value)


def gen2():
    yield 1
    yield 2


g = gen2()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError", e)
except StopIteration:
    print("StopIteration passed through")
