t = (1, 2, 3)
print(t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (0,) * 3, () + ())
print(t.index(2), t.count(2), (1, 1, 1).count(1), 2 in t, 5 not in t)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), (2,) > (1, 100), () < (0,))
a, b, c = t
first, *rest = t
*init, last = t
print(a, b, c, first, rest, init, last)
print(hash((1, "a")) == hash((1, "a")), {(1, 2): "k"}[(1, 2)])
try:
    t[0] = 5
except TypeError:
    print("TypeError")
try:
    t.index(9)
except ValueError:
    print("ValueError")
print(type(()), type((1,)), (1) == 1, tuple([1]) == (1,))
