def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


def tagged(tag):
    def deco(fn):
        fn.tag = tag
        return fn

    return deco


@trace
@tagged("x")
def work(a, b=2):
    return a + b


@trace
class Thing:
    pass


print(work(1), work.tag if hasattr(work, "tag") else None)
