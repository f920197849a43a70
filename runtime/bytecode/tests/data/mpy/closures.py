def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


def adder(n):
    return lambda x: x + n


def deep(a):
    def mid(b):
        def inner(c):
            return a + b + c

        return inner

    return mid


def cell_arg(x, y):
    def use():
        return x * y

    x = x + 1
    return use


c = counter()
c()
c(5)
print(c(), adder(3)(4), deep(1)(2)(3), cell_arg(2, 3)())
sq = lambda v: v * v
print(sq(9))
