# Special methods: comparison, hashing, container protocol, iteration,
# call, context manager, repr/str, arithmetic with reflected/in-place
# variants, unary operators and truthiness.


class Vec:
    def __init__(self, *c):
        self.c = list(c)

    def __repr__(self):
        return "Vec(%s)" % ", ".join(repr(x) for x in self.c)

    def __str__(self):
        return "<" + " ".join(str(x) for x in self.c) + ">"

    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c

    def __lt__(self, o):
        return self.norm2() < o.norm2()

    def __le__(self, o):
        return self.norm2() <= o.norm2()

    def __hash__(self):
        return hash(tuple(self.c))

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def __setitem__(self, i, v):
        self.c[i] = v

    def __delitem__(self, i):
        del self.c[i]

    def __contains__(self, v):
        return v in self.c

    def __iter__(self):
        return iter(self.c)

    def __add__(self, o):
        if isinstance(o, (int, float)):
            return Vec(*[x + o for x in self.c])
        return Vec(*[a + b for a, b in zip(self.c, o.c)])

    def __radd__(self, o):
        return self + o

    def __iadd__(self, o):
        for i in range(len(self.c)):
            self.c[i] += o.c[i] if isinstance(o, Vec) else o
        return self

    def __sub__(self, o):
        return self + (-o)

    def __mul__(self, k):
        return Vec(*[x * k for x in self.c])

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vec(*[-x for x in self.c])

    def __pos__(self):
        return Vec(*self.c)

    def __abs__(self):
        return self.norm2()

    def __bool__(self):
        return any(self.c)

    def __call__(self, scale=1):
        return sum(self.c) * scale

    def norm2(self):
        return sum(x * x for x in self.c)


v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(repr(v), str(w), v)
print("eq:", v == Vec(1, 2, 3), v == w, v != w, v == (1, 2, 3))
print("lt:", v < w, w < v, v <= Vec(3, 2, 1), sorted([w, v, Vec(0, 0, 1)]))
print("hash/set:", len({v, Vec(1, 2, 3), w}), {v: "x"}[Vec(1, 2, 3)])
print("len/getitem:", len(v), v[0], v[-1], v[1:])
v[0] = 10
del v[1]
print("set/del item:", v)
print("contains:", 3 in v, 2 in v, 99 not in v)
print("iter:", list(w), [x * 2 for x in w], sum(w), max(w))
print("add:", v + w, w + 1, 1 + w, sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)))
alias = w
w += Vec(1, 1, 1)
print("iadd in place:", w, alias is w)
w += 1
print("iadd scalar:", alias)
print("sub/mul/neg:", w - Vec(1, 1, 1), w * 2, 3 * w, -w, +w)
print("abs:", abs(Vec(3, 4)))
print("bool:", bool(Vec(0, 0)), bool(Vec(0, 1)), "zero is falsy" if not Vec(0) else "?")
print("call:", w(), w(scale=10))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print("iterator protocol:", list(Countdown(5)))
it = iter(Countdown(2))
print("next:", next(it), next(it), next(it, "done"))


class Managed:
    log = []

    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        Managed.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        Managed.log.append("exit %s %s" % (self.name, et.__name__ if et else None))
        return self.swallow


with Managed("a") as tag:
    Managed.log.append("body " + tag)
with Managed("outer") as o, Managed("inner", swallow=True) as i:
    Managed.log.append("both %s %s" % (o, i))
    raise KeyError("swallowed")
try:
    with Managed("leaky"):
        raise ValueError("escapes")
except ValueError as e:
    Managed.log.append("caught " + str(e))
for line in Managed.log:
    print(" ", line)


class Matrix2:
    def __init__(self, a, b, c, d):
        self.m = (a, b, c, d)

    def __matmul__(self, o):
        a, b, c, d = self.m
        e, f, g, h = o.m
        return Matrix2(a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)

    def __repr__(self):
        return "M%r" % (self.m,)


print("matmul:", Matrix2(1, 1, 1, 0) @ Matrix2(1, 1, 1, 0))


class Bits:
    def __init__(self, v):
        self.v = v

    def __and__(self, o):
        return Bits(self.v & o.v)

    def __or__(self, o):
        return Bits(self.v | o.v)

    def __xor__(self, o):
        return Bits(self.v ^ o.v)

    def __invert__(self):
        return Bits(~self.v & 0xFF)

    def __lshift__(self, n):
        return Bits((self.v << n) & 0xFF)

    def __rshift__(self, n):
        return Bits(self.v >> n)

    def __mod__(self, n):
        return Bits(self.v % n)

    def __floordiv__(self, n):
        return Bits(self.v // n)

    def __truediv__(self, n):
        return self.v / n

    def __pow__(self, n):
        return Bits(self.v ** n & 0xFF)

    def __repr__(self):
        return "0b{:08b}".format(self.v)


x, y = Bits(0b1100), Bits(0b1010)
print("bit ops:", x & y, x | y, x ^ y, ~x, x << 4, x >> 2, x % 5, x // 3, x / 4, x ** 2)
