def f(*a, **k):
    return a, k
args = (1, 2)
kw = {"x": 1}
f(*args)
f(**kw)
f(0, *args, 3, **kw)
f(0, x=1, *args)
f(a=1, **kw)
obj = [1]
obj.append(2)
obj.append(*args)
print(f(1, 2, key=3), max(1, 2, key=None))
s = "abc"
print(s.upper().lower()[1:], s[::-1], s[1:2:1], s[:], s[a:], s[:a], s[::2], s[1,])
x = [1, 2, 3]
x[0] += 1
x[1:2] = [5]
obj.attr = 1
obj.attr += 2
del x[0], obj.attr
a, *b = x
*c, d = x
e, (f1, g1) = 1, (2, 3)
a, b = b, a
a, b, c = c, b, a
i = j = k = 0
print(a < b < c, a == b != c, not a, -a, +a, ~a, a if b else c, a and b or c)
