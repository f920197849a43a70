# Small int keys in sets and dicts next to keys that equal them (floats,
# bools, big ints): one entry per equal key, the first key kept.
s = set()
for key in (1, 1.0, True, 2, 2.0, 0, False, -3, -3.0, 2**40, 2**40 + 0.0):
    s.add(key)
print(sorted(s, key=lambda k: (k, str(type(k)))))
print(len({1, 1.0, True}), len({0, False, 0.0}), {1.0, 1}, {True, 1})
d = {}
d[1.0] = "float"
d[1] = "int"
d[True] = "bool"
print(sorted(d.items()))
d = {}
for n in range(40):
    d[n * 7 % 13] = n
print(sorted(d.items()))
print(set(x % 5 for x in range(30)), len(set(range(-50, 50))))
s = set(range(16))
s.discard(3)
s.add(3)
s.add(19)
print(sorted(s))
d = dict.fromkeys(range(10), 0)
del d[4]
d[4] = 1
d[20] = 2
print(sorted(d.items()))
