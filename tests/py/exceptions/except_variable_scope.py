e = "before"
try:
    raise ValueError("inside")
except ValueError as e:
    print("in handler", e)
try:
    print(e)
except NameError:
    print("e was deleted after the handler")


def f():
    try:
        raise KeyError(1)
    except KeyError as err:
        saved = err
    return saved


print(repr(f()))
