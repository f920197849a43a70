def resilient():
    count = 0
    while True:
        try:
            yield count
        except ValueError as e:
            print("recovered from", e)
            count += 100
        count += 1


g = resilient()
print(next(g), next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    g.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated", e)
try:
    next(g)
except StopIteration:
    print("generator finished after the exception")


def fresh():
    yield 1


f = fresh()
try:
    f.throw(TypeError("before start"))
except TypeError as e:
    print("thrown into unstarted:", e)
