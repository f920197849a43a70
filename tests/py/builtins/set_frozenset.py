print(set(), set([1, 2, 2]) == {1, 2}, sorted(set("hello")), frozenset() == set())
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, 5 in f, type(f).__name__)
print(f == {1, 2, 3}, f | {4} == {1, 2, 3, 4}, type(f | {4}).__name__, type({4} | f).__name__)
print(sorted(f & {1, 5}), sorted(f - {1}), sorted(f ^ {1, 9}))
print(f.issubset({1, 2, 3, 4}), f.issuperset({1}), f.isdisjoint({7}))
print(len({f, frozenset([1, 2, 3])}), hash(f) == hash(frozenset([1, 2, 3])))
try:
    f.add(4)
except AttributeError:
    print("AttributeError")
print(set(frozenset("ab")) == {"a", "b"}, frozenset({1: 2}))
