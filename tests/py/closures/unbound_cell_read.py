# Reading a closed-over variable before it is bound raises NameError, and
# after it is bound (and rebound, and deleted) reads its current value.


def outer():
    def read():
        return value

    try:
        read()
    except NameError:
        print("unbound")
    value = 1
    print(read())
    value = "two"
    print(read())
    del value
    try:
        read()
    except NameError:
        print("unbound again")
    value = [3]
    return read


reader = outer()
print(reader())


def counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count

    return step


step = counter()
print([step() for _ in range(5)])
