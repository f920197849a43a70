# Decorators: plain, with arguments, stacked, class decorators, decorating
# methods, decorators that keep state, and decorator factories via classes.

calls = []


def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append("call %s%r" % (fn.__name__, args))
        result = fn(*args, **kwargs)
        calls.append("ret %r" % (result,))
        return result
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco


def prefix(tag):
    def deco(fn):
        def wrapper(*args):
            return tag + str(fn(*args))
        return wrapper
    return deco


def validate(**checks):
    def deco(fn):
        def wrapper(**kwargs):
            for name, pred in sorted(checks.items()):
                if name in kwargs and not pred(kwargs[name]):
                    raise ValueError("invalid %s=%r" % (name, kwargs[name]))
            return fn(**kwargs)
        return wrapper
    return deco


@trace
def add(a, b):
    return a + b


@repeat(3)
def greet(name):
    return "hi " + name


@prefix("<")
@prefix("[")
@repeat(2)
def stacked(x):
    return x * 2


@validate(port=lambda p: 0 < p < 65536, host=lambda h: "." in h)
def connect(host="localhost.local", port=80):
    return "%s:%d" % (host, port)


print(add(2, 3), add(b=10, a=1))
for c in calls:
    print(" ", c)
print(greet("pico"))
print(stacked(4))
print(connect(port=8080), connect(host="a.b"))
for bad in ({"port": 0}, {"host": "nodot"}):
    try:
        connect(**bad)
    except ValueError as e:
        print("validate:", e)


class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0

    def __call__(self, *args):
        self.count += 1
        return self.fn(*args)


@CountCalls
def square(x):
    return x * x


print([square(i) for i in range(5)], "count:", square.count)

registry = {}


def register(name=None):
    def deco(obj):
        registry[name or obj.__name__] = obj
        return obj
    return deco


@register()
class Alpha:
    pass


@register("custom-beta")
class Beta:
    pass


@register()
def gamma():
    return "gamma"


print("registry:", sorted(registry), registry["gamma"]())


def add_method(cls):
    def describe(self):
        return "I am %s" % type(self).__name__
    cls.describe = describe
    cls.decorated = True
    return cls


@add_method
class Widget:
    pass


print(Widget().describe(), Widget.decorated)


def logged_method(fn):
    def wrapper(self, *args):
        self.history.append(fn.__name__)
        return fn(self, *args)
    return wrapper


class Account:
    def __init__(self):
        self.balance = 0
        self.history = []

    @logged_method
    def deposit(self, amt):
        self.balance += amt
        return self.balance

    @logged_method
    def withdraw(self, amt):
        if amt > self.balance:
            raise ValueError("insufficient")
        self.balance -= amt
        return self.balance

    @staticmethod
    @repeat(2)
    def twice():
        return "static"

    @classmethod
    def make(cls):
        return cls()

    @property
    @prefix("$")
    def pretty(self):
        return self.balance


acc = Account.make()
acc.deposit(100)
acc.withdraw(30)
try:
    acc.withdraw(1000)
except ValueError as e:
    print("method error:", e)
print(acc.balance, acc.history, Account.twice(), acc.pretty)


def once(fn):
    done = []

    def wrapper(*a):
        if not done:
            done.append(fn(*a))
        return done[0]
    return wrapper


@once
def init_hw(pin):
    print("  initialising pin", pin)
    return "pin%d" % pin


print(init_hw(5), init_hw(6), init_hw(7))
deco_chain = prefix("a")(prefix("b")(prefix("c")(lambda: "!")))
print("manual chain:", deco_chain())
print("decorator expr:", (lambda f: f)(lambda: "identity")())
