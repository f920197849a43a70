def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])
big = fib()
for _ in range(100):
    value = next(big)
print(value)


def windows(seq, n):
    window = []
    for item in seq:
        window.append(item)
        if len(window) > n:
            window.pop(0)
        if len(window) == n:
            yield tuple(window)


print(list(windows(range(6), 3)))
