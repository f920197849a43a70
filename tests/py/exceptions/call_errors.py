def show(f):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


def none():
    pass


def two(a, b):
    pass


def with_default(a, b, c=3):
    pass


def keyword_only(a, *, flag):
    pass


class NoInit:
    pass


show(lambda: none(1))
show(lambda: two(1))
show(lambda: two(1, 2, 3))
show(lambda: two(1, c=3))
show(lambda: two(1, a=1))
show(lambda: two(b=2))
show(lambda: with_default())
show(lambda: with_default(1, c=4))
show(lambda: keyword_only(1))
show(lambda: keyword_only(1, other=2))
print(type(NoInit(1, 2)).__name__)
