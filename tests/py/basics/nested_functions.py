def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c

        return inner

    return middle


print(outer(1)(10)(100))


def apply_twice(f, x):
    return f(f(x))


def make_multiplier(k):
    def multiply(x):
        return x * k

    return multiply


print(apply_twice(make_multiplier(3), 2))
print(make_multiplier.__name__, make_multiplier(2).__name__)


def returns_none():
    pass


def returns_bare():
    return


print(returns_none(), returns_bare())
