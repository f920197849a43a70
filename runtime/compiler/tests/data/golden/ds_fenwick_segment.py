# Fenwick (binary indexed) tree and an iterative segment tree supporting
# range-minimum and range-sum queries with point updates.


class Fenwick:
    def __init__(self, n):
        self.n = n
        self.t = [0] * (n + 1)

    @classmethod
    def build(cls, values):
        f = cls(len(values))
        for i, v in enumerate(values):
            f.add(i, v)
        return f

    def add(self, i, delta):
        i += 1
        while i <= self.n:
            self.t[i] += delta
            i += i & -i

    def prefix(self, i):
        s = 0
        i += 1
        while i > 0:
            s += self.t[i]
            i -= i & -i
        return s

    def range_sum(self, lo, hi):
        return self.prefix(hi) - (self.prefix(lo - 1) if lo > 0 else 0)

    def lower_bound(self, target):
        pos = 0
        bit = 1
        while bit * 2 <= self.n:
            bit *= 2
        rem = target
        while bit:
            if pos + bit <= self.n and self.t[pos + bit] < rem:
                pos += bit
                rem -= self.t[pos]
            bit >>= 1
        return pos


class SegTree:
    def __init__(self, values, op, identity):
        n = 1
        while n < len(values):
            n *= 2
        self.size = n
        self.op = op
        self.e = identity
        self.t = [identity] * (2 * n)
        for i, v in enumerate(values):
            self.t[n + i] = v
        for i in range(n - 1, 0, -1):
            self.t[i] = op(self.t[2 * i], self.t[2 * i + 1])

    def update(self, i, v):
        i += self.size
        self.t[i] = v
        i //= 2
        while i:
            self.t[i] = self.op(self.t[2 * i], self.t[2 * i + 1])
            i //= 2

    def query(self, lo, hi):
        # inclusive lo, exclusive hi
        resl = resr = self.e
        lo += self.size
        hi += self.size
        while lo < hi:
            if lo & 1:
                resl = self.op(resl, self.t[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                resr = self.op(self.t[hi], resr)
            lo //= 2
            hi //= 2
        return self.op(resl, resr)


vals = [5, 2, 8, 6, 3, 7, 1, 9, 4, 0, 11, 3]
f = Fenwick.build(vals)
print("prefix sums:", [f.prefix(i) for i in range(len(vals))])
for lo, hi in [(0, 11), (2, 5), (6, 6), (3, 9)]:
    print("sum[%d..%d] = %d (check %d)" % (lo, hi, f.range_sum(lo, hi), sum(vals[lo:hi + 1])))
f.add(4, 10)
vals[4] += 10
print("after add: sum[0..5] =", f.range_sum(0, 5), sum(vals[:6]))
for target in (1, 10, 30, 50, 69):
    print("lower_bound(%d) -> index %d" % (target, f.lower_bound(target)))

mn = SegTree(vals, min, 10 ** 9)
sm = SegTree(vals, lambda a, b: a + b, 0)
mx = SegTree(vals, max, -10 ** 9)
for lo, hi in [(0, 12), (0, 3), (3, 8), (9, 10), (5, 12)]:
    print("[%2d,%2d) min=%d max=%d sum=%d" % (lo, hi, mn.query(lo, hi), mx.query(lo, hi), sm.query(lo, hi)))
for i, v in [(9, 50), (6, 20), (0, -4)]:
    mn.update(i, v)
    sm.update(i, v)
    mx.update(i, v)
    vals[i] = v
    print("set a[%d]=%d -> min=%d max=%d sum=%d" % (i, v, mn.query(0, 12), mx.query(0, 12), sm.query(0, 12)))

# count inversions with Fenwick
seq = [8, 4, 2, 1, 7, 3, 6, 5, 0, 9]
bit = Fenwick(10)
inv = 0
for idx, x in enumerate(seq):
    inv += idx - bit.prefix(x)
    bit.add(x, 1)
brute = sum(1 for i in range(len(seq)) for j in range(i + 1, len(seq)) if seq[i] > seq[j])
print("inversions:", inv, "brute:", brute)

# gcd segment tree
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


g = SegTree([12, 18, 24, 36, 9, 27, 81, 6], gcd, 0)
for lo, hi in [(0, 4), (4, 7), (0, 8), (5, 7)]:
    print("gcd[%d,%d) = %d" % (lo, hi, g.query(lo, hi)))
