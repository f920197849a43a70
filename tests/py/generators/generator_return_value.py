def averager():
    total = 0
    count = 0
    while True:
        value = yield
        if value is None:
            return total / count if count else 0
        total += value
        count += 1


def collect(results, key):
    results[key] = yield from averager()


results = {}
c = collect(results, "a")
next(c)
for v in (10, 20, 30):
    c.send(v)
try:
    c.send(None)
except StopIteration:
    pass
print(results)
