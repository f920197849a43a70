# Many small function calls with positional and keyword arguments.
def add(a, b, scale=1):
    return (a + b) * scale


def run(n):
    acc = 0
    for i in range(n):
        acc = add(acc, i, scale=1) % 1000003
    return acc


print(run(120000))
