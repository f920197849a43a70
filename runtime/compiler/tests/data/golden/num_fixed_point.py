# Q16.16 fixed-point arithmetic class with operator overloading, plus
# fixed-point sqrt, sin via Taylor series and a simple IIR filter.

FRAC = 16
ONE = 1 << FRAC
MASK32 = 0xFFFFFFFF


class Fx:
    __slots__ = ("raw",)

    def __init__(self, raw):
        self.raw = raw

    @classmethod
    def of(cls, x):
        if isinstance(x, Fx):
            return x
        if isinstance(x, int):
            return cls(x << FRAC)
        return cls(int(round(x * ONE)))

    def __add__(self, o):
        return Fx(self.raw + Fx.of(o).raw)

    __radd__ = __add__

    def __sub__(self, o):
        return Fx(self.raw - Fx.of(o).raw)

    def __rsub__(self, o):
        return Fx(Fx.of(o).raw - self.raw)

    def __mul__(self, o):
        return Fx((self.raw * Fx.of(o).raw) >> FRAC)

    __rmul__ = __mul__

    def __truediv__(self, o):
        d = Fx.of(o).raw
        if d == 0:
            raise ZeroDivisionError("fixed-point divide by zero")
        return Fx((self.raw << FRAC) // d)

    def __neg__(self):
        return Fx(-self.raw)

    def __abs__(self):
        return Fx(abs(self.raw))

    def __lt__(self, o):
        return self.raw < Fx.of(o).raw

    def __le__(self, o):
        return self.raw <= Fx.of(o).raw

    def __eq__(self, o):
        return self.raw == Fx.of(o).raw

    def __int__(self):
        return self.raw >> FRAC if self.raw >= 0 else -((-self.raw) >> FRAC)

    def to_float(self):
        return self.raw / ONE

    def __repr__(self):
        sign = "-" if self.raw < 0 else ""
        r = abs(self.raw)
        whole = r >> FRAC
        frac = ((r & (ONE - 1)) * 10000 + ONE // 2) >> FRAC
        if frac == 10000:
            whole += 1
            frac = 0
        return "%s%d.%04d" % (sign, whole, frac)

    def u32(self):
        return self.raw & MASK32


def fx_sqrt(x):
    if x.raw < 0:
        raise ValueError("negative")
    # integer sqrt of raw << FRAC gives sqrt in Q16.16
    n = x.raw << FRAC
    if n == 0:
        return Fx(0)
    r = 1 << ((n.bit_length() + 1) // 2) if hasattr(n, "bit_length") else n
    while True:
        nr = (r + n // r) >> 1
        if nr >= r:
            break
        r = nr
    return Fx(r)


PI = Fx.of(3.14159265)


def fx_sin(x):
    # reduce to [-pi, pi]
    two_pi = PI * 2
    while x.raw > PI.raw:
        x = x - two_pi
    while x.raw < -PI.raw:
        x = x + two_pi
    term = x
    total = x
    x2 = x * x
    for k in range(1, 7):
        term = -term * x2 / ((2 * k) * (2 * k + 1))
        total = total + term
    return total


a = Fx.of(3.25)
b = Fx.of(-1.5)
print("a =", a, "b =", b)
print("a+b =", a + b, "a-b =", a - b, "a*b =", a * b, "a/b =", a / b)
print("2+a =", 2 + a, "10-a =", 10 - a, "a*4 =", a * 4, "-b =", -b, "|b| =", abs(b))
print("int(a) =", int(a), "int(b) =", int(b))
print("compare:", a < b, b < a, a == 3.25, a <= 3.25)
print("u32(b) = 0x%08x" % b.u32())
try:
    a / 0
except ZeroDivisionError as e:
    print("error:", e)
for v in (0, 1, 2, 9, 0.25, 10.5, 1000):
    print("sqrt(%s) = %s" % (v, fx_sqrt(Fx.of(v))))
for deg in range(0, 361, 30):
    rad = Fx.of(deg) * PI / 180
    print("sin(%3d) = %s" % (deg, fx_sin(rad)))

# exponential smoothing in fixed point
alpha = Fx.of(0.25)
y = Fx.of(0)
samples = [10, 10, 10, 0, 0, 20, 20, 20, 20, 5]
trace = []
for s in samples:
    y = y + alpha * (Fx.of(s) - y)
    trace.append(repr(y))
print("smoothed:", ", ".join(trace))
