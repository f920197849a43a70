def show(*args, **kwargs):
    return args, sorted(kwargs.items())


args = [1, 2]
kwargs = {"x": 3}
print(show(*args))
print(show(*args, *"ab"))
print(show(0, *args, 9, **kwargs))
print(show(**kwargs, y=4))
print(show(*range(3), **{"a": 1}, **{"b": 2}))
print(show(*(), **{}))


def fixed(a, b, c=0):
    return a + b + c


print(fixed(*[1, 2]), fixed(*[1], **{"b": 5}), fixed(**{"a": 1, "b": 1, "c": 1}))
