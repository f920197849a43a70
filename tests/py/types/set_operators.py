a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3}, a < {1, 2, 3}, a < {1, 2, 3, 4}, a >= {1}, a > a, a == {3, 2, 1}, a != b)
c = set(a)
c |= {10}
c &= {1, 10, 11}
print(sorted(c))
c -= {1}
c ^= {10, 20}
print(sorted(c))
print(1 in a, 5 in a, len(a | b), {x for x in a if x > 1} == {2, 3})
print(set("abc") == set("cba"), sorted(set([3, 3, 1])))
