# Numerical methods: trapezoid, Simpson and Romberg integration; Euler,
# midpoint and RK4 ODE solvers; numerical derivatives; root finding by
# secant; all printed at fixed precision.
import math


def trapezoid(f, a, b, n):
    h = (b - a) / n
    s = (f(a) + f(b)) / 2
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def simpson(f, a, b, n):
    if n % 2:
        n += 1
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += (4 if i % 2 else 2) * f(a + i * h)
    return s * h / 3


def romberg(f, a, b, levels):
    R = [[trapezoid(f, a, b, 1)]]
    for k in range(1, levels):
        row = [trapezoid(f, a, b, 2 ** k)]
        for j in range(1, k + 1):
            row.append(row[j - 1] + (row[j - 1] - R[k - 1][j - 1]) / (4 ** j - 1))
        R.append(row)
    return R[-1][-1]


def euler(f, y0, t0, t1, n):
    h = (t1 - t0) / n
    y, t = y0, t0
    for _ in range(n):
        y += h * f(t, y)
        t += h
    return y


def midpoint(f, y0, t0, t1, n):
    h = (t1 - t0) / n
    y, t = y0, t0
    for _ in range(n):
        k = f(t, y)
        y += h * f(t + h / 2, y + h / 2 * k)
        t += h
    return y


def rk4(f, y0, t0, t1, n):
    h = (t1 - t0) / n
    y, t = y0, t0
    for _ in range(n):
        k1 = f(t, y)
        k2 = f(t + h / 2, y + h / 2 * k1)
        k3 = f(t + h / 2, y + h / 2 * k2)
        k4 = f(t + h, y + h * k3)
        y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        t += h
    return y


def derivative(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def secant(f, x0, x1, tol=1e-12, maxit=50):
    for i in range(maxit):
        f0, f1 = f(x0), f(x1)
        if f1 == f0:
            break
        x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
        if abs(x1 - x0) < tol:
            return x1, i + 1
    return x1, maxit


funcs = [
    ("x^2 on [0,2.9]", lambda x: x * x, 0.0, 2.9, 2.9 ** 3 / 3),
    ("sin on [0,pi]", math.sin, 0.0, math.pi, 2.0),
    ("exp on [0,1]", math.exp, 0.0, 1.0, math.e - 1),
    ("1/(1+x^2) [0,1]", lambda x: 1 / (1 + x * x), 0.0, 1.0, math.pi / 4),
]
for name, f, a, b, exact in funcs:
    print(name)
    for n in (4, 16, 64):
        print("  n=%-3d trap=%.8f simpson=%.8f" % (n, trapezoid(f, a, b, n), simpson(f, a, b, n)))
    print("  romberg=%.10f exact=%.10f" % (romberg(f, a, b, 6), exact))
decay = lambda t, y: -0.5 * y
exact = 10 * math.exp(-0.5 * 4)
for n in (4, 20, 100):
    print("decay n=%-3d euler=%.6f midpoint=%.6f rk4=%.8f exact=%.8f" % (
        n, euler(decay, 10.0, 0, 4, n), midpoint(decay, 10.0, 0, 4, n), rk4(decay, 10.0, 0, 4, n), exact))
logistic = lambda t, y: y * (1 - y)
print("logistic rk4 y(5)=%.6f exact=%.6f" % (rk4(logistic, 0.1, 0, 5, 50), 1 / (1 + 9 * math.exp(-5))))
for x in (0.0, 1.0, 2.0):
    print("d/dx sin at %.1f = %.6f (cos=%.6f)" % (x, derivative(math.sin, x), math.cos(x)))
for name, f, x0, x1 in (("x^2-2", lambda x: x * x - 2, 1.0, 2.0), ("cos x - x", lambda x: math.cos(x) - x, 0.0, 1.0),
                        ("x^3-x-1", lambda x: x ** 3 - x - 1, 1.0, 2.0)):
    r, it = secant(f, x0, x1)
    print("secant %-10s root=%.10f iterations=%d" % (name, r, it))
