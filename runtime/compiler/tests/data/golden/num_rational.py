# Rational number class with full operator overloading, continued
# fractions, harmonic numbers and Egyptian fraction decomposition.


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


class Q:
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        if d < 0:
            n, d = -n, -d
        g = _gcd(abs(n), d) or 1
        self.n = n // g
        self.d = d // g

    @staticmethod
    def lift(x):
        return x if isinstance(x, Q) else Q(x)

    def __add__(self, o):
        o = Q.lift(o)
        return Q(self.n * o.d + o.n * self.d, self.d * o.d)

    def __radd__(self, o):
        return self + o

    def __sub__(self, o):
        o = Q.lift(o)
        return Q(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return Q.lift(o) - self

    def __mul__(self, o):
        o = Q.lift(o)
        return Q(self.n * o.n, self.d * o.d)

    def __rmul__(self, o):
        return self * o

    def __truediv__(self, o):
        o = Q.lift(o)
        return Q(self.n * o.d, self.d * o.n)

    def __rtruediv__(self, o):
        return Q.lift(o) / self

    def __pow__(self, k):
        if k >= 0:
            return Q(self.n ** k, self.d ** k)
        return Q(self.d ** -k, self.n ** -k)

    def __neg__(self):
        return Q(-self.n, self.d)

    def __pos__(self):
        return self

    def __abs__(self):
        return Q(abs(self.n), self.d)

    def __eq__(self, o):
        o = Q.lift(o)
        return self.n == o.n and self.d == o.d

    def __lt__(self, o):
        o = Q.lift(o)
        return self.n * o.d < o.n * self.d

    def __le__(self, o):
        return self == o or self < o

    def __gt__(self, o):
        return Q.lift(o) < self

    def __ge__(self, o):
        return Q.lift(o) <= self

    def __hash__(self):
        return hash((self.n, self.d))

    def __bool__(self):
        return self.n != 0

    def __int__(self):
        return self.n // self.d if self.n >= 0 else -((-self.n) // self.d)

    def __repr__(self):
        return "%d/%d" % (self.n, self.d) if self.d != 1 else "%d" % self.n

    def decimal(self, places):
        sign = "-" if self.n < 0 else ""
        n = abs(self.n)
        whole, rem = divmod(n, self.d)
        digits = []
        for _ in range(places):
            rem *= 10
            digits.append(str(rem // self.d))
            rem %= self.d
        return "%s%d.%s" % (sign, whole, "".join(digits))


def cont_frac(q):
    out = []
    n, d = q.n, q.d
    while d:
        a = n // d
        out.append(a)
        n, d = d, n - a * d
    return out


def egyptian(q):
    parts = []
    while q.n:
        c = -(-q.d // q.n)
        parts.append(Q(1, c))
        q = q - Q(1, c)
    return parts


a, b = Q(3, 4), Q(-5, 6)
print("a =", a, "b =", b)
print("a+b =", a + b, "a-b =", a - b, "a*b =", a * b, "a/b =", a / b)
print("1+a =", 1 + a, "2-a =", 2 - a, "3*b =", 3 * b, "1/b =", 1 / b)
print("a**3 =", a ** 3, "b**-2 =", b ** -2, "-a =", -a, "+b =", +b, "abs(b) =", abs(b))
print("a<b:", a < b, "a>b:", a > b, "a>=3/4:", a >= Q(6, 8), "a==0.75?", a == Q(75, 100))
print("int:", int(Q(7, 2)), int(Q(-7, 2)), "bool:", bool(Q(0, 5)), bool(a))
print("set dedupe:", sorted({Q(1, 2), Q(2, 4), Q(3, 6), Q(1, 3)}))
print("sorted:", sorted([Q(1, 3), Q(-2, 7), Q(5, 11), Q(0), Q(9, 10)]))
h = Q(0)
for k in range(1, 21):
    h += Q(1, k)
print("H(20) =", h, "~", h.decimal(12))
approx = Q(0)
for k in range(0, 12):
    approx += Q((-1) ** k * 4, 2 * k + 1)
print("leibniz pi(12 terms):", approx.decimal(6))
for q in (Q(415, 93), Q(649, 200), Q(355, 113), Q(-7, 3)):
    print("cf(%s) = %s" % (q, cont_frac(q)))
for q in (Q(4, 13), Q(5, 121), Q(7, 15), Q(2, 3)):
    parts = egyptian(q)
    print("%s = %s" % (q, " + ".join(map(repr, parts))), sum(parts, Q(0)) == q)
try:
    Q(1, 0)
except ZeroDivisionError as e:
    print("error:", e)
e_approx = Q(0)
fact = 1
for k in range(15):
    if k:
        fact *= k
    e_approx += Q(1, fact)
print("e ~", e_approx.decimal(15))
print("sqrt2 newton:", end=" ")
x = Q(1)
for _ in range(5):
    x = (x + 2 / x) / 2
print(x.decimal(20))
