# Descriptive statistics with exact and float arithmetic: mean, median,
# mode, variance (two-pass and Welford), percentiles, z-scores, linear
# regression, correlation and histogram binning. Fixed-precision output.
import math

DATA = [23, 29, 20, 32, 23, 21, 33, 25, 23, 27, 30, 19, 26, 24, 23, 35, 28, 22, 26, 31]
XS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
YS = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 20.2]


def mean(xs):
    return sum(xs) / len(xs)


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def modes(xs):
    counts = {}
    for x in xs:
        counts[x] = counts.get(x, 0) + 1
    top = max(counts.values())
    return sorted(k for k, c in counts.items() if c == top)


def variance(xs, sample=True):
    m = mean(xs)
    ss = sum((x - m) ** 2 for x in xs)
    return ss / (len(xs) - 1 if sample else len(xs))


class Welford:
    def __init__(self):
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.lo = None
        self.hi = None

    def add(self, x):
        self.n += 1
        d = x - self.mean
        self.mean += d / self.n
        self.m2 += d * (x - self.mean)
        self.lo = x if self.lo is None else min(self.lo, x)
        self.hi = x if self.hi is None else max(self.hi, x)

    def var(self):
        return self.m2 / (self.n - 1) if self.n > 1 else 0.0


def percentile(xs, p):
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


def linreg(xs, ys):
    mx, my = mean(xs), mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    slope = sxy / sxx
    return slope, my - slope * mx, sxy / math.sqrt(sxx * syy)


def histogram(xs, bins):
    lo, hi = min(xs), max(xs)
    width = (hi - lo) / bins
    counts = [0] * bins
    for x in xs:
        i = min(int((x - lo) / width), bins - 1)
        counts[i] += 1
    return [(lo + i * width, lo + (i + 1) * width, c) for i, c in enumerate(counts)]


print("n=%d sum=%d min=%d max=%d" % (len(DATA), sum(DATA), min(DATA), max(DATA)))
print("mean=%.4f median=%.1f modes=%s" % (mean(DATA), median(DATA), modes(DATA)))
print("var(sample)=%.4f var(pop)=%.4f std=%.4f" % (variance(DATA), variance(DATA, False), math.sqrt(variance(DATA))))
w = Welford()
for x in DATA:
    w.add(x)
print("welford mean=%.4f var=%.4f range=%d..%d agree=%s" % (w.mean, w.var(), w.lo, w.hi, abs(w.var() - variance(DATA)) < 1e-9))
for p in (0, 10, 25, 50, 75, 90, 100):
    print("p%-3d = %.2f" % (p, percentile(DATA, p)))
iqr = percentile(DATA, 75) - percentile(DATA, 25)
print("IQR=%.2f" % iqr)
m, sd = mean(DATA), math.sqrt(variance(DATA))
outliers = [(x, "%.2f" % ((x - m) / sd)) for x in DATA if abs(x - m) / sd > 1.5]
print("z>1.5:", outliers)
slope, icpt, r = linreg(XS, YS)
print("regression: y = %.4f x + %.4f  r=%.5f" % (slope, icpt, r))
for x in (0, 5.5, 12):
    print("  predict(%.1f) = %.3f" % (x, slope * x + icpt))
resid = [y - (slope * x + icpt) for x, y in zip(XS, YS)]
print("residuals:", " ".join("%+.3f" % e for e in resid))
for lo, hi, c in histogram(DATA, 4):
    print("[%5.2f, %5.2f) %-8s %d" % (lo, hi, "*" * c, c))
print("geometric mean: %.4f" % math.exp(sum(math.log(x) for x in DATA) / len(DATA)))
print("harmonic mean: %.4f" % (len(DATA) / sum(1 / x for x in DATA)))
cum = 0
for i, x in enumerate(sorted(DATA)[:5]):
    cum += x
    print("cumulative %d: %d" % (i, cum))
