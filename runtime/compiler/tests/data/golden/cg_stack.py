def f(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s):
    return [a, [b, [c, [d, [e, [f, (g, h, i, j, k, l, m, n, o, p, q, r, s)]]]]]]
def h(*args):
    print(*args, *args, sep="")
    x = {1: (1, 2, [a, b, (c, {d: e})])}
    return x
try:
    try:
        try:
            pass
        except:
            pass
    finally:
        pass
except Exception as ex:
    with a:
        with b as (c, d):
            pass
