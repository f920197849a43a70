def gen(n):
    for i in range(n):
        yield i
    yield from range(3)
    x = yield
    return x

def gen2():
    try:
        yield 1
    finally:
        print("fin")

squares = [x * x for x in range(10) if x % 2 if x > 2]
pairs = {(a, b) for a in range(3) for b in range(a)}
d = {k: v for k, v in zip("abc", range(3))}
g = (y for y in squares if y)
nested = [[j for j in range(i)] for i in range(4)]
total = sum(x for x in range(5))
print(list(gen(3)), squares, pairs, d, list(g), nested, total)
w = [(y := x) for x in range(3)]
print(w, y)
