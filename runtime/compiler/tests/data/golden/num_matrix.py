# Dense matrix class: multiplication, transpose, determinant (Bareiss, exact
# integers), inverse with rationals-as-pairs, matrix power for Fibonacci,
# and Gaussian elimination with floats printed at fixed precision.


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, n, m):
        return cls([[0] * m for _ in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v

    def __eq__(self, other):
        return self.rows == other.rows

    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])

    def __sub__(self, o):
        return Matrix([[a - b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])

    def __mul__(self, o):
        if isinstance(o, Matrix):
            if self.m != o.n:
                raise ValueError("shape mismatch %dx%d * %dx%d" % (self.n, self.m, o.n, o.m))
            cols = list(zip(*o.rows))
            return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
        return Matrix([[a * o for a in r] for r in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, o):
        return self * o

    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result

    def T(self):
        return Matrix(zip(*self.rows))

    def trace(self):
        return sum(self.rows[i][i] for i in range(min(self.n, self.m)))

    def det(self):
        # Bareiss fraction-free elimination; exact for integers
        a = [r[:] for r in self.rows]
        n = self.n
        sign = 1
        prev = 1
        for k in range(n - 1):
            if a[k][k] == 0:
                for i in range(k + 1, n):
                    if a[i][k]:
                        a[k], a[i] = a[i], a[k]
                        sign = -sign
                        break
                else:
                    return 0
            for i in range(k + 1, n):
                for j in range(k + 1, n):
                    a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
            prev = a[k][k]
        return sign * a[n - 1][n - 1]

    def __repr__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(str(v).rjust(w) if hasattr("", "rjust") else "%*s" % (w, v) for v in r) + "]" for r in self.rows)


def fmt(m):
    w = max(len(str(v)) for r in m.rows for v in r)
    return "\n".join("  [" + " ".join("%*s" % (w, v) for v in r) + "]" for r in m.rows)


def solve(a, b):
    n = len(a)
    M = [list(map(float, a[i])) + [float(b[i])] for i in range(n)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] for i in range(n)]


A = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
B = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
print("A*B =\n" + fmt(A * B))
print("A@B == A*B:", (A @ B) == (A * B))
print("B^T =\n" + fmt(B.T()))
print("A+B =\n" + fmt(A + B))
print("3*A - B =\n" + fmt(3 * A - B))
print("det A:", A.det(), "det B:", B.det(), "trace B:", B.trace())
print("det I5:", Matrix.identity(5).det(), "det singular:", Matrix([[1, 2], [2, 4]]).det())
H = Matrix([[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]])
print("hadamard H*H^T == 4I:", H * H.T() == 4 * Matrix.identity(4), "det:", H.det())
F = Matrix([[1, 1], [1, 0]])
print("fib via matrix power:", [(F ** k)[0, 1] for k in range(15)])
print("fib(200):", (F ** 200)[0, 1])
try:
    Matrix([[1, 2]]) * Matrix([[1, 2]])
except ValueError as e:
    print("error:", e)
x = solve([[3, 2, -1], [2, -2, 4], [-1, 0.5, -1]], [1, -2, 0])
print("solve:", ["%.4f" % v for v in x])
x = solve([[4, 1, 0, 0], [1, 4, 1, 0], [0, 1, 4, 1], [0, 0, 1, 4]], [5, 6, 6, 5])
print("tridiagonal:", ["%.4f" % v for v in x])
rot = Matrix([[0, -1], [1, 0]])
print("rot^4 == I:", rot ** 4 == Matrix.identity(2), "rot^3:", (rot ** 3).rows)
vand = Matrix([[x ** k for k in range(5)] for x in (1, 2, 3, 4, 5)])
print("vandermonde det:", vand.det())
