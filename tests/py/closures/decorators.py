def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, sorted(kwargs.items()))
        result = fn(*args, **kwargs)
        print("returned", result)
        return result

    return wrapper


def repeat(n):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]

        return wrapper

    return decorator


@trace
def add(a, b=0):
    return a + b


@repeat(3)
def hello(name):
    return "hi " + name


add(1, b=2)
add(5)
print(hello("x"))


@trace
@repeat(2)
def stacked():
    return 1


stacked()
