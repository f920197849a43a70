# Special methods that raise, called from native code (str, repr, format,
# len, bool, hash, index, getitem, iteration, arithmetic, attributes), each
# caught 300 times.
class Bad:
    def __str__(self):
        raise ValueError("str")

    def __repr__(self):
        raise ValueError("repr")

    def __len__(self):
        raise ValueError("len")

    def __bool__(self):
        raise ValueError("bool")

    def __hash__(self):
        raise ValueError("hash")

    def __index__(self):
        raise ValueError("index")

    def __getitem__(self, key):
        raise ValueError("getitem")

    def __setitem__(self, key, value):
        raise ValueError("setitem")

    def __add__(self, other):
        raise ValueError("add")

    def __contains__(self, item):
        raise ValueError("contains")

    def __call__(self, *args):
        raise ValueError("call")

    def __getattr__(self, name):
        raise ValueError("getattr")

    def __eq__(self, other):
        raise ValueError("eq")


class BadInit:
    def __init__(self, x):
        raise ValueError("init")


class Prop:
    @property
    def p(self):
        raise ValueError("property")


b = Bad()
tests = [
    ("str", lambda: str(b)),
    ("repr", lambda: repr(b)),
    ("print", lambda: print(b)),
    ("format", lambda: "{}".format(b)),
    ("percent", lambda: "%s" % (b,)),
    ("fstring", lambda: f"{b}"),
    ("repr in list", lambda: repr([1, b])),
    ("str in dict", lambda: str({1: b})),
    ("len", lambda: len(b)),
    ("bool", lambda: bool(b)),
    ("if", lambda: 1 if b else 2),
    ("not", lambda: not b),
    ("hash", lambda: hash(b)),
    ("dict key", lambda: {b: 1}),
    ("set add", lambda: set().add(b)),
    ("index", lambda: [1, 2][b]),
    ("range index", lambda: range(b)),
    ("getitem", lambda: b[0]),
    ("setitem", lambda: b.__setitem__(0, 1)),
    ("add", lambda: b + 1),
    ("contains", lambda: 1 in b),
    ("call", lambda: b(1, 2)),
    ("getattr", lambda: b.missing),
    ("getattr default", lambda: getattr(b, "missing", 0)),
    ("hasattr", lambda: hasattr(b, "missing")),
    ("eq", lambda: b == 1),
    ("list index", lambda: [b].index(1)),
    ("init", lambda: BadInit(1)),
    ("property", lambda: Prop().p),
    ("iter getitem", lambda: list(iter(b))),
]

for name, test in tests:
    caught = 0
    for i in range(300):
        try:
            test()
        except ValueError:
            caught += 1
        except TypeError:
            caught += 1000
    print(name, caught)
