# A generator resumed through each state: not started, suspended, running,
# finished; by next, send and throw.
def echo():
    received = yield "first"
    while received is not None:
        received = yield received * 2
    return "done"


g = echo()
try:
    g.send(1)
except TypeError:
    print("TypeError: send before start")
print(next(g), g.send(5), g.send(21))
try:
    g.send(None)
except StopIteration as stop:
    print("returned", stop.value)
try:
    next(g)
except StopIteration as stop:
    print("again", stop.value)

h = echo()
try:
    h.throw(ValueError("early"))
except ValueError as error:
    print("ValueError", error)
try:
    next(h)
except StopIteration:
    print("finished after the early throw")


def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as error:
    print("ValueError", error)


def counter(limit):
    total = 0
    for index in range(limit):
        total += yield index
    return total


c = counter(4)
values = [next(c)]
try:
    while True:
        values.append(c.send(10))
except StopIteration as stop:
    print(values, stop.value)
print(sorted(set(i * i for i in range(-3, 4))), list(x for x in "ab"), sum(x for x in range(100)))
