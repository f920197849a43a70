def trace(name, value):
    print("eval", name)
    return value


def f(*args, **kwargs):
    return args, sorted(kwargs)


print(f(trace("a", 1), *trace("b", [2, 3]), trace("c", 4), k=trace("d", 5), **trace("e", {"z": 6})))
