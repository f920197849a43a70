# Star-unpacking in assignments, for targets, calls and displays; dict
# unpacking; nested destructuring; swaps.

a, b = 1, 2
a, b = b, a
print("swap:", a, b)
a, b, c = b, c_, d = 10, 20, 30 if False else 7
print("multi target:", a, b, c, "|", c_, d)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(6)
print("star assign:", first, rest, init, last, head, mid, tail)
x, *y = [9]
print("empty star:", x, y)
(p, q), [r, (s, t)] = (1, 2), [3, (4, 5)]
print("nested:", p, q, r, s, t)
[u, *v], w = "abc", "d"
print("nested star:", u, v, w)
for i, (k, val) in enumerate(sorted({"x": 1, "y": 2}.items())):
    print("enum items:", i, k, val)
for n, *others in [(1, 2, 3), (4,), (5, 6)]:
    print("for star:", n, others)
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print("unzip:", nums, names)


def f(a, b, c=0, *args, **kw):
    return "a=%r b=%r c=%r args=%r kw=%r" % (a, b, c, args, sorted(kw.items()))


print(f(*[1, 2]))
print(f(*[1, 2, 3, 4, 5]))
print(f(1, *(2, 3), *[4], 5))
print(f(**{"a": 1, "b": 2}))
print(f(1, **{"b": 2, "z": 26}, y=25))
print(f(*"xy", c=3, **{"k": 0}))
print(f(*range(2), **dict(c=9, d=10)))
# star in list/tuple/set displays is not in MicroPython; build via calls instead
lst = list(range(3)) + list("ab") + [7]
print("list display:", lst)
tpl = tuple(lst[:2]) + (99,) + tuple(lst[-1:])
print("tuple display:", tpl)
st = set("hello") | set([1, 1, 2])
print("set display:", sorted(st, key=str))
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
merged = dict(d1, **d2)  # {**a, **b} displays are not in MicroPython
merged.update(d=4)
print("dict merge:", sorted(merged.items()))
override = {"b": 0}
override.update(**d1)
print("override order:", sorted(override.items()))
print("print star:", *[1, 2, 3], sep="|")
print(*"abc", *range(2))
m = [[1, 2], [3, 4], [5, 6]]
print("transpose:", list(zip(*m)))
print("max star:", max(*[3, 9, 2]), min(4, *[7, 1]))
(a), (b) = 5, 6
print("paren single:", a, b)
[a] = [42]
(b,) = (43,)
print("single element:", a, b)
arr = [0] * 5
arr[0], arr[2:4], arr[-1] = 1, [7, 8], 9
print("mixed targets:", arr)


class Obj:
    pass


o = Obj()
o.x, o.y = divmod(17, 5)
print("attr targets:", o.x, o.y)
dd = {}
dd["a"], dd["b"] = "AB"
print("subscript targets:", sorted(dd.items()))
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print("order of assignment:", i, lst)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("too many values")
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("not enough values")
try:
    a, *b, c = [1]
except ValueError:
    print("star not enough")
g = (n * n for n in range(4))
s0, *s_rest = g
print("generator unpack:", s0, s_rest)
k1, k2 = sorted({"k1": 1, "k2": 2})
print("dict keys unpack:", k1, k2)
