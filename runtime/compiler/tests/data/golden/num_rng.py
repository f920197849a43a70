# Deterministic pseudo-random generators (LCG, xorshift32, xorshift64*,
# PCG-like) and uses: shuffling, sampling, Monte Carlo estimates,
# histograms and a simple random walk.


class LCG:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return self.state


class XorShift32:
    def __init__(self, seed):
        self.s = seed or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.s = x
        return x


class XorShift64Star:
    M64 = (1 << 64) - 1

    def __init__(self, seed):
        self.s = seed & self.M64

    def next(self):
        x = self.s
        x ^= x >> 12
        x ^= (x << 25) & self.M64
        x ^= x >> 27
        self.s = x
        return (x * 0x2545F4914F6CDD1D) & self.M64


class Random:
    def __init__(self, seed):
        self.g = XorShift32(seed)

    def randbelow(self, n):
        # rejection sampling for unbiased range
        limit = (1 << 32) - ((1 << 32) % n)
        while True:
            r = self.g.next()
            if r < limit:
                return r % n

    def randint(self, a, b):
        return a + self.randbelow(b - a + 1)

    def random(self):
        return self.g.next() / 4294967296.0

    def shuffle(self, xs):
        for i in range(len(xs) - 1, 0, -1):
            j = self.randbelow(i + 1)
            xs[i], xs[j] = xs[j], xs[i]

    def choice(self, xs):
        return xs[self.randbelow(len(xs))]

    def sample(self, xs, k):
        pool = list(xs)
        self.shuffle(pool)
        return pool[:k]


lcg = LCG(2024)
print("lcg:", [lcg.next() for _ in range(5)])
xs = XorShift32(2463534242)
print("xorshift32:", [xs.next() for _ in range(5)])
x64 = XorShift64Star(88172645463325252)
print("xorshift64*:", [x64.next() for _ in range(3)])

r = Random(12345)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
r.shuffle(deck)
print("hand:", deck[:5], "next:", deck[5:10])
print("dice:", [r.randint(1, 6) for _ in range(20)])
print("choice:", [r.choice(["red", "green", "blue"]) for _ in range(6)])
print("sample:", sorted(r.sample(range(100), 8)))

hist = [0] * 10
for _ in range(5000):
    hist[r.randbelow(10)] += 1
print("histogram:", hist, "sum", sum(hist))
print("bars:")
for i, h in enumerate(hist):
    print("  %d %s %d" % (i, "#" * (h // 25), h))

inside = 0
N = 4000
for _ in range(N):
    a, b = r.random(), r.random()
    if a * a + b * b <= 1.0:
        inside += 1
print("pi estimate: %.3f (inside=%d)" % (4.0 * inside / N, inside))

pos = 0
lo = hi = 0
path = []
for step in range(200):
    pos += 1 if r.randbelow(2) else -1
    lo, hi = min(lo, pos), max(hi, pos)
    if step % 20 == 19:
        path.append(pos)
print("walk:", path, "range:", lo, hi)
mean = sum(r.random() for _ in range(1000)) / 1000
print("mean of uniform: %.2f" % mean)
