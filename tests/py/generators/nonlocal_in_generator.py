def make():
    count = 0

    def gen():
        nonlocal count
        while count < 3:
            count += 1
            yield count

    def current():
        return count

    return gen, current


gen, current = make()
g = gen()
print(next(g), current())
print(list(g), current())
print(list(gen()), current())
