# An exception raised by a with's __exit__ or inside a finally block that
# was reached without an exception leaves that block: __exit__ is not
# called again and the finally block does not run twice.
class Manager:
    def __init__(self, fail):
        self.fail = fail

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        print("__exit__", kind)
        if self.fail:
            raise ValueError("from exit")


try:
    with Manager(True):
        print("body")
except ValueError as e:
    print("caught", e)


def finally_raises():
    try:
        print("try")
    finally:
        print("finally")
        raise KeyError("from finally")


try:
    finally_raises()
except KeyError as e:
    print("caught", e)


# Nested: the outer handler still catches.
def nested():
    try:
        with Manager(True):
            pass
    except ValueError:
        print("inner caught")
    finally:
        print("outer finally")


nested()


# del of a closed-over name that is already deleted is a NameError.
def outer():
    x = 1

    def inner():
        nonlocal x
        try:
            del x
        except NameError:
            print("NameError")

    del x
    inner()


outer()


# An exception thrown into a generator is raised at its yield, before
# anything after the yield runs (here, the store to x).
def keeps():
    x = 5
    try:
        x = yield 1
    except ValueError:
        print("x is", x)
    yield 2


it = keeps()
next(it)
print(it.throw(ValueError))
