from collections import namedtuple
Pair = namedtuple("Pair", "left right")
p = Pair(1, right=[2])
print(p, p.left, p.right, p[-1], p[0:1], len(p))
p.right.append(3)
print(p, p == Pair(1, [2, 3]), p != (1, [2, 3]))
print(sorted([Pair(2, 0), Pair(1, 5)]), max(Pair(4, 9)))
print(hash(Pair(1, 2)) == hash((1, 2)), Pair(1, 2) in {(1, 2)})
left, right = p
print(left, right, [x for x in p], tuple(p) == (1, [2, 3]))
