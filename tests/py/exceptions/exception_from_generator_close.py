def gen():
    try:
        yield 1
    finally:
        raise ValueError("raised in finally during close")


g = gen()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", e)
