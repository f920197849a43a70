# Returns and exceptions that unwind into callers at many depths, with
# functions made and dropped between calls (a new function may take a freed
# one's place): each caller goes on with its own code and names.
import gc

LABEL = "module"


def make_adder(n):
    def add(x):
        return x + n

    return add


def a(depth, trace):
    trace.append("a%d" % depth)
    if depth == 0:
        return 1
    return b(depth - 1, trace) + 1


def b(depth, trace):
    trace.append("b%d" % depth)
    if depth == 0:
        return 10
    return c(depth - 1, trace) * 2


def c(depth, trace):
    trace.append("c%d" % depth)
    if depth == 0:
        raise ValueError("bottom %s" % LABEL)
    return a(depth - 1, trace) - 3


for depth in range(9):
    trace = []
    try:
        print(depth, a(depth, trace), "".join(trace))
    except ValueError as error:
        print(depth, "raised", error, len(trace))


def catcher(depth):
    try:
        return c(depth, [])
    except ValueError:
        return "caught at %d by %s" % (depth, catcher.__name__)


print([catcher(depth) for depth in (2, 5, 8)])

total = 0
for round in range(6):
    adders = [make_adder(k * round) for k in range(5)]
    value = 0
    for adder in adders:
        value = adder(value)
    del adders
    gc.collect()
    fresh = make_adder(round)
    total += fresh(value)
    print(round, value, total)


class Point:
    def __init__(self, x):
        self.x = x
        self.twice = double(x)

    def bigger(self, other):
        return Point(self.x + other.x)


def double(x):
    return x * 2


p = Point(1)
for step in range(6):
    p = p.bigger(Point(step))
print(p.x, p.twice, LABEL)
