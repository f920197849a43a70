def outer():
    x = "outer"

    def middle():
        nonlocal x
        x = "middle"

        def inner():
            nonlocal x
            x = x + "+inner"
            return x

        return inner()

    result = middle()
    return result, x


print(outer())


def accumulate():
    total = 0
    items = []

    def add(v):
        nonlocal total
        total += v
        items.append(v)

    for v in (1, 2, 3):
        add(v)
    return total, items


print(accumulate())
