# Signal filters: simple/exponential/weighted moving averages, median
# filter, first-order low-pass and high-pass, debounce, and a cascaded
# biquad. Float outputs printed with fixed precision.
import math


class SMA:
    def __init__(self, n):
        self.n = n
        self.buf = []
        self.total = 0.0

    def __call__(self, x):
        self.buf.append(x)
        self.total += x
        if len(self.buf) > self.n:
            self.total -= self.buf.pop(0)
        return self.total / len(self.buf)


class EMA:
    def __init__(self, alpha):
        self.alpha = alpha
        self.y = None

    def __call__(self, x):
        self.y = x if self.y is None else self.y + self.alpha * (x - self.y)
        return self.y


def wma(xs, n):
    w = list(range(1, n + 1))
    out = []
    for i in range(n - 1, len(xs)):
        win = xs[i - n + 1:i + 1]
        out.append(sum(a * b for a, b in zip(win, w)) / sum(w))
    return out


def median_filter(xs, k):
    half = k // 2
    out = []
    for i in range(len(xs)):
        win = sorted(xs[max(0, i - half):i + half + 1])
        out.append(win[len(win) // 2])
    return out


class LowPass:
    def __init__(self, cutoff, fs):
        rc = 1.0 / (2 * math.pi * cutoff)
        dt = 1.0 / fs
        self.a = dt / (rc + dt)
        self.y = 0.0

    def __call__(self, x):
        self.y += self.a * (x - self.y)
        return self.y


class HighPass:
    def __init__(self, cutoff, fs):
        rc = 1.0 / (2 * math.pi * cutoff)
        dt = 1.0 / fs
        self.a = rc / (rc + dt)
        self.y = 0.0
        self.px = 0.0

    def __call__(self, x):
        self.y = self.a * (self.y + x - self.px)
        self.px = x
        return self.y


class Biquad:
    def __init__(self, b, a):
        self.b0, self.b1, self.b2 = b
        self.a1, self.a2 = a
        self.z1 = self.z2 = 0.0

    def __call__(self, x):
        y = self.b0 * x + self.z1
        self.z1 = self.b1 * x - self.a1 * y + self.z2
        self.z2 = self.b2 * x - self.a2 * y
        return y


def debounce(samples, stable):
    state = samples[0]
    count = 0
    out = []
    for s in samples:
        if s != state:
            count += 1
            if count >= stable:
                state = s
                count = 0
        else:
            count = 0
        out.append(state)
    return out


def f4(xs):
    return " ".join("%.4f" % x for x in xs)


noisy = [10, 12, 11, 50, 12, 13, 12, 11, 14, 13, -20, 12, 12, 13, 15, 14]
sma = SMA(4)
ema = EMA(0.3)
print("sma:", f4([sma(x) for x in noisy]))
print("ema:", f4([ema(x) for x in noisy]))
print("wma:", f4(wma(noisy, 3)))
print("median3:", median_filter(noisy, 3))
print("median5:", median_filter(noisy, 5))

fs = 100.0
lp = LowPass(5.0, fs)
hp = HighPass(5.0, fs)
print("lp a=%.6f hp a=%.6f" % (lp.a, hp.a))
for i in range(0, 40):
    x = 1.0 if i >= 5 else 0.0
    ly = lp(x)
    hy = hp(x)
    if i % 4 == 0 or i in (5, 6):
        print("n=%2d x=%.1f lp=%.4f hp=%.4f" % (i, x, ly, hy))

# biquad low-pass (coefficients precomputed, Q=0.707, fc/fs=0.1)
bq = Biquad((0.0674552739, 0.1349105478, 0.0674552739), (-1.1429805025, 0.4128015981))
impulse = [bq(1.0 if n == 0 else 0.0) for n in range(12)]
print("biquad impulse:", f4(impulse))
step = Biquad((0.0674552739, 0.1349105478, 0.0674552739), (-1.1429805025, 0.4128015981))
resp = [step(1.0) for _ in range(30)]
print("biquad step end: %.5f, overshoot %.5f" % (resp[-1], max(resp)))

# sinusoid through low-pass: amplitude attenuation at several frequencies
for f in (1.0, 5.0, 20.0):
    filt = LowPass(5.0, fs)
    peak = 0.0
    for n in range(400):
        y = filt(math.sin(2 * math.pi * f * n / fs))
        if n > 200:
            peak = max(peak, abs(y))
    print("f=%4.1f Hz gain=%.3f" % (f, peak))

button = [0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0]
print("debounced:", debounce(button, 3))
