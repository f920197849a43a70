data = [("alice", (30, "paris")), ("bob", (25, "rome"))]
for name, (age, city) in data:
    print(name, age, city)
((a, b), c), d = ((1, 2), 3), 4
print(a, b, c, d)
matrix = [[1, 2, 3], [4, 5, 6]]
(r0c0, *r0rest), (*r1init, r1c2) = matrix
print(r0c0, r0rest, r1init, r1c2)
print([x + y for x, y in zip([1, 2], [10, 20])])
print({k: v for k, (v, _) in {"p": (1, 0), "q": (2, 0)}.items()}["q"])
