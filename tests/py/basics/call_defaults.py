def f(a, b=2, c=3):
    return a, b, c


print(f(1), f(1, 20), f(1, c=30), f(a=0), f(1, 2, 3), f(c=9, b=8, a=7))


def appender(item, target=[]):
    target.append(item)
    return target


print(appender(1), appender(2))
print(appender(3, []))


def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(safe(1), safe(2))
DEFAULT = "first"


def bound_at_def(x=DEFAULT):
    return x


DEFAULT = "second"
print(bound_at_def())
