# Integer CORDIC for sin/cos/atan, fixed-point exp/log via series, and
# comparison against math; printed with 4-6 decimals.
import math

SCALE = 1 << 24
ANGLES = [int(round(math.atan(2.0 ** -i) * SCALE)) for i in range(24)]
K = 1.0
for i in range(24):
    K *= 1.0 / math.sqrt(1 + 2.0 ** (-2 * i))
KFIX = int(round(K * SCALE))


def cordic_rotate(theta):
    # theta is fixed-point radians in [-pi/2, pi/2]
    x, y, z = KFIX, 0, theta
    for i in range(24):
        if z >= 0:
            x, y, z = x - (y >> i), y + (x >> i), z - ANGLES[i]
        else:
            x, y, z = x + (y >> i), y - (x >> i), z + ANGLES[i]
    return x, y


def cordic_vector(x, y):
    z = 0
    for i in range(24):
        if y > 0:
            x, y, z = x + (y >> i), y - (x >> i), z + ANGLES[i]
        else:
            x, y, z = x - (y >> i), y + (x >> i), z - ANGLES[i]
    return z, x


def sincos(deg):
    flip = 1
    d = deg % 360
    if d > 90 and d <= 270:
        d -= 180
        flip = -1
    elif d > 270:
        d -= 360
    theta = int(round(d * math.pi / 180 * SCALE))
    c, s = cordic_rotate(theta)
    return flip * s / SCALE, flip * c / SCALE


def exp_series(x, terms=25):
    total = 1.0
    term = 1.0
    for k in range(1, terms):
        term *= x / k
        total += term
    return total


def ln_newton(a):
    y = 0.0
    for _ in range(40):
        y = y + 2 * (a - exp_series(y)) / (a + exp_series(y))
    return y


print("KFIX=%d ANGLES[:4]=%s" % (KFIX, ANGLES[:4]))
worst = 0.0
for deg in range(-180, 181, 45):
    s, c = sincos(deg)
    es, ec = math.sin(math.radians(deg)), math.cos(math.radians(deg))
    worst = max(worst, abs(s - es), abs(c - ec))
    print("deg=%4d sin=% .6f cos=% .6f" % (deg, s, c))
print("max error < 1e-6:", worst < 1e-6)
for x, y in [(1, 1), (1, 0), (3, 4), (1, 2), (10, 1)]:
    z, mag = cordic_vector(x * SCALE, y * SCALE)
    print("atan2(%d,%d)=%.6f deg=%.3f mag=%.5f" % (y, x, z / SCALE, z / SCALE * 180 / math.pi, mag / SCALE * K))
for x in (0.0, 0.5, 1.0, -1.0, 2.5):
    print("exp(%.1f) series=%.6f math=%.6f" % (x, exp_series(x), math.exp(x)))
for a in (0.5, 1.0, 2.0, 10.0):
    print("ln(%.1f) newton=%.6f math=%.6f" % (a, ln_newton(a), math.log(a)))
print("pi via atan: %.8f" % (4 * (4 * math.atan(1 / 5) - math.atan(1 / 239))))
print("hypot-ish: %.5f %.5f" % (math.sqrt(3 ** 2 + 4 ** 2), math.sqrt(2)))
print("floor/ceil/trunc:", math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
print("fmod: %.4f %.4f" % (math.fmod(7.5, 2), math.fmod(-7.5, 2)))
m, e = math.frexp(48.0)
print("frexp(48) = (%.4f, %d) ldexp=%.1f" % (m, e, math.ldexp(m, e)))
fr, wh = math.modf(3.75)
print("modf(3.75) = (%.2f, %.1f)" % (fr, wh))
print("degrees/radians: %.4f %.6f" % (math.degrees(math.pi / 3), math.radians(270)))
print("isnan/isinf:", math.isnan(float("nan")), math.isinf(float("-inf")), math.isfinite(1e308))
print("copysign: %.1f %.1f" % (math.copysign(3, -0.0), math.copysign(-2, 1)))
