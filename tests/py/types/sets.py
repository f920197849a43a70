s = {1, 2, 3}
s.add(4)
s.add(2)
print(sorted(s), len(s), 3 in s, 9 in s)
t = {3, 4, 5}
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t))
print(sorted(s.union([9])), sorted(s.intersection(t)), sorted(s.difference(t)))
print(s.issubset({1, 2, 3, 4, 5}), s.issuperset({1}), s.isdisjoint({7}))
s.discard(1)
s.remove(2)
print(sorted(s))
f = frozenset([1, 2, 2])
print(sorted(f), len(f), hash(f) == hash(frozenset([2, 1])))
print(set(), sorted(set("hello")), {x % 3 for x in range(10)} == {0, 1, 2})
print({1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} <= {1, 2})
u = set()
for i in range(100):
    u.add(i % 7)
print(sorted(u))
