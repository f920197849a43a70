def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


g = accumulator()
print(next(g))
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("stopped with", e.value)
g2 = accumulator()
try:
    g2.send(1)
except TypeError as e:
    print("TypeError: can't send non-None value to a just-started generator")
