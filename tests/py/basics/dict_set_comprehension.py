squares = {x: x * x for x in range(5)}
print(sorted(squares.items()))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(sorted(inverted.items()))
print(sorted({c for c in "mississippi"}))
print(sorted({x % 4 for x in range(20)}))
lengths = {w: len(w) for w in ["x", "yy", "zzz"] if len(w) > 1}
print(sorted(lengths.items()))
grid = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(len(grid), grid[(1, 2)], grid[(2, 2)])
