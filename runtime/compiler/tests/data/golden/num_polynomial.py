# Polynomials with integer coefficients: Horner evaluation, arithmetic,
# long division, derivative, composition, root finding via bisection and
# Newton (printed at fixed precision), and Lagrange interpolation.


class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]

    def degree(self):
        return len(self.c) - 1 if self.c != [0] else -1

    def __call__(self, x):
        acc = 0
        for a in reversed(self.c):
            acc = acc * x + a
        return acc

    def __add__(self, o):
        n = max(len(self.c), len(o.c))
        a = self.c + [0] * (n - len(self.c))
        b = o.c + [0] * (n - len(o.c))
        return Poly([x + y for x, y in zip(a, b)])

    def __neg__(self):
        return Poly([-x for x in self.c])

    def __sub__(self, o):
        return self + (-o)

    def __mul__(self, o):
        if not isinstance(o, Poly):
            return Poly([x * o for x in self.c])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            if a:
                for j, b in enumerate(o.c):
                    out[i + j] += a * b
        return Poly(out)

    def __pow__(self, k):
        r = Poly([1])
        for _ in range(k):
            r = r * self
        return r

    def divmod(self, o):
        # exact for monic divisors
        rem = self.c[:]
        q = [0] * max(1, len(rem) - len(o.c) + 1)
        lead = o.c[-1]
        for i in range(len(rem) - len(o.c), -1, -1):
            f = rem[i + len(o.c) - 1] // lead
            q[i] = f
            for j, b in enumerate(o.c):
                rem[i + j] -= f * b
        return Poly(q), Poly(rem)

    def deriv(self):
        return Poly([i * a for i, a in enumerate(self.c)][1:] or [0])

    def compose(self, o):
        r = Poly([0])
        for a in reversed(self.c):
            r = r * o + Poly([a])
        return r

    def __eq__(self, o):
        return self.c == o.c

    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0 and len(self.c) > 1:
                continue
            s = "-" if a < 0 else "+"
            mag = abs(a)
            if i == 0:
                body = str(mag)
            else:
                body = ("" if mag == 1 else str(mag)) + ("x" if i == 1 else "x^%d" % i)
            terms.append((s, body))
        out = ("-" if terms[0][0] == "-" else "") + terms[0][1]
        for s, b in terms[1:]:
            out += " %s %s" % (s, b)
        return out


def bisect(f, lo, hi, iters=60):
    flo = f(lo)
    for _ in range(iters):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def newton(p, x, iters=30):
    d = p.deriv()
    for _ in range(iters):
        dx = d(x)
        if dx == 0:
            break
        x = x - p(x) / dx
    return x


def lagrange(points):
    # returns evaluator using exact integer arithmetic on numerators
    def ev(x):
        num_total = 0
        den_total = 1
        for i, (xi, yi) in enumerate(points):
            num, den = yi, 1
            for j, (xj, _) in enumerate(points):
                if i != j:
                    num *= x - xj
                    den *= xi - xj
            num_total = num_total * den + num * den_total
            den_total *= den
        return num_total // den_total if num_total % den_total == 0 else num_total / den_total
    return ev


p = Poly([-6, 11, -6, 1])
q = Poly([1, 1])
print("p =", p, "deg", p.degree())
print("q =", q)
print("p+q =", p + q, "| p-q =", p - q)
print("p*q =", p * q)
print("q^5 =", q ** 5)
print("p(0..5):", [p(x) for x in range(6)])
print("p' =", p.deriv(), "p'' =", p.deriv().deriv())
div, rem = p.divmod(Poly([-1, 1]))
print("p / (x-1) =", div, "rem", rem)
div, rem = (p * q + Poly([3, 2])).divmod(q)
print("(p*q + 2x+3) / q =", div, "rem", rem)
print("p(q(x)) =", p.compose(q))
print("zero poly:", Poly([0, 0, 0]), Poly([0]).degree())
print("neg lead:", Poly([0, -1, 0, -3]), Poly([5, 0, -1]))
cubic = Poly([-2, 0, 0, 1])
r = bisect(cubic, 0.0, 2.0)
print("cbrt(2) bisect: %.10f" % r)
print("cbrt(2) newton: %.10f" % newton(cubic, 1.0))
for guess in (0.5, 1.8, 3.5):
    print("root of p from %.1f: %.6f" % (guess, newton(p, guess)))
pts = [(0, 1), (1, 3), (2, 11), (3, 31), (4, 69)]
ev = lagrange(pts)
print("lagrange:", [ev(x) for x in range(7)])
cheb = [Poly([1]), Poly([0, 1])]
for k in range(2, 8):
    cheb.append(Poly([0, 2]) * cheb[-1] - cheb[-2])
for k, t in enumerate(cheb):
    print("T%d = %s" % (k, t))
