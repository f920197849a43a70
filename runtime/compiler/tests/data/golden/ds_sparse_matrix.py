# Sparse matrices stored as dict-of-keys and CSR; multiply, transpose, add.


class DOK:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.d = {}

    def __setitem__(self, rc, v):
        r, c = rc
        if not (0 <= r < self.rows and 0 <= c < self.cols):
            raise IndexError("bad index %r" % (rc,))
        if v:
            self.d[rc] = v
        else:
            self.d.pop(rc, None)

    def __getitem__(self, rc):
        return self.d.get(rc, 0)

    def nnz(self):
        return len(self.d)

    def transpose(self):
        t = DOK(self.cols, self.rows)
        for (r, c), v in self.d.items():
            t[c, r] = v
        return t

    def __add__(self, other):
        out = DOK(self.rows, self.cols)
        for k in set(self.d) | set(other.d):
            out[k] = self[k] + other[k]
        return out

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            out = DOK(self.rows, self.cols)
            for k, v in self.d.items():
                out[k] = v * other
            return out
        out = DOK(self.rows, other.cols)
        by_row = {}
        for (r, c), v in other.d.items():
            by_row.setdefault(r, []).append((c, v))
        for (r, k), v in self.d.items():
            for c, w in by_row.get(k, ()):
                out[r, c] = out[r, c] + v * w
        return out

    def to_csr(self):
        keys = sorted(self.d)
        indptr = [0] * (self.rows + 1)
        indices = []
        data = []
        for r, c in keys:
            indptr[r + 1] += 1
            indices.append(c)
            data.append(self.d[r, c])
        for i in range(self.rows):
            indptr[i + 1] += indptr[i]
        return CSR(self.rows, self.cols, indptr, indices, data)

    def dense(self):
        return [[self[r, c] for c in range(self.cols)] for r in range(self.rows)]


class CSR:
    def __init__(self, rows, cols, indptr, indices, data):
        self.rows, self.cols = rows, cols
        self.indptr, self.indices, self.data = indptr, indices, data

    def matvec(self, x):
        y = []
        for r in range(self.rows):
            s = 0
            for j in range(self.indptr[r], self.indptr[r + 1]):
                s += self.data[j] * x[self.indices[j]]
            y.append(s)
        return y

    def row(self, r):
        a, b = self.indptr[r], self.indptr[r + 1]
        return list(zip(self.indices[a:b], self.data[a:b]))


def show(name, m):
    print(name, "(%dx%d, nnz=%d)" % (m.rows, m.cols, m.nnz()))
    for row in m.dense():
        print("   ", " ".join("%4d" % v for v in row))


a = DOK(4, 5)
for (r, c), v in {(0, 0): 2, (0, 3): -1, (1, 1): 3, (2, 4): 7, (3, 0): 1, (3, 2): 5}.items():
    a[r, c] = v
show("A", a)
show("A^T", a.transpose())
show("A*A^T", a * a.transpose())
show("A+A", a + a)
show("3*A", a * 3)
b = a * -1
show("A + (-A)", a + b)
csr = a.to_csr()
print("indptr:", csr.indptr)
print("indices:", csr.indices)
print("data:", csr.data)
print("A x [1..5]:", csr.matvec([1, 2, 3, 4, 5]))
for r in range(csr.rows):
    print("row", r, csr.row(r))
try:
    a[9, 9] = 1
except IndexError as e:
    print("error:", e)

# large sparse identity-ish band matrix and power iteration with integers
n = 30
band = DOK(n, n)
for i in range(n):
    band[i, i] = 2
    if i + 1 < n:
        band[i, i + 1] = -1
        band[i + 1, i] = -1
print("band nnz:", band.nnz())
sq = band * band
print("band^2 nnz:", sq.nnz(), "diag sample:", [sq[i, i] for i in (0, 1, 15, 29)])
v = [1] * n
m = band.to_csr()
for step in range(4):
    v = m.matvec(v)
    print("step", step, "sum=%d" % sum(v), "head:", v[:4])
