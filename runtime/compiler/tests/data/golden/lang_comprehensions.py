# List/set/dict comprehensions and generator expressions with multiple
# for/if clauses, nesting, scoping and closures over loop variables.

print([x * x for x in range(8)])
print([x for x in range(30) if x % 3 == 0 if x % 2])
print([(x, y) for x in range(4) for y in range(x) if (x + y) % 2])
print([[r * c for c in range(1, 5)] for r in range(1, 4)])
print([c for word in ("ab", "cde", "") for c in word if c != "d"])
print(sorted({x % 7 for x in range(50)}))
print(sorted({w[0]: len(w) for w in "apple avocado banana blueberry cherry".split()}.items()))
print(sorted({(a, b) for a in range(3) for b in range(3) if a <= b}))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(list(x + y for x in "ab" for y in "12"))
print(any(x > 5 for x in [1, 3, 7]), all(x > 0 for x in [1, 2, -1]), all(()), any([]))
flat = [v for row in [[1, 2], [3], [], [4, 5, 6]] for v in row]
print("flatten:", flat)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print("transpose:", [[row[i] for row in matrix] for i in range(3)])
print("diag:", [matrix[i][i] for i in range(len(matrix))])
print("triple loop:", [i * 100 + j * 10 + k for i in range(2) for j in range(2) for k in range(2)])
print("cond expr inside:", ["even" if n % 2 == 0 else "odd" for n in range(5)])
print("nested cond:", [("fizz" * (n % 3 == 0) + "buzz" * (n % 5 == 0)) or n for n in range(1, 16)])
funcs = [lambda x, i=i: x + i for i in range(3)]
print("default-bound lambdas:", [f(10) for f in funcs])
late = [lambda x: x + i for i in range(3)]
print("late-bound lambdas:", [f(10) for f in late])
x = "outer"
res = [x for x in "abc"]
print("comprehension scope:", res, x)
k = 10
print("outer var used:", [k * j for j in range(3)])


def make_table(n):
    return {i: [j for j in range(i) if j % 2 == 0] for i in range(n)}


print("dict of lists:", sorted(make_table(5).items()))
g = (i * i for i in range(5))
print("gen next:", next(g), next(g), list(g), list(g))
print("nested gen:", list(sum(row) for row in ([c for c in range(r)] for r in range(5))))
words = "the cat and the hat and the bat".split()
counts = {w: words.count(w) for w in set(words)}
print("counts:", sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inverted = {v: k for k, v in sorted({"a": 1, "b": 2, "c": 3}.items())}
print("inverted:", sorted(inverted.items()))
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print("primes:", primes)
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print("pythagorean:", pyth)
print("enumerate/zip:", [(i, a, b) for i, (a, b) in enumerate(zip("xyz", range(10, 13)))])
print("str join gen:", "-".join(str(n) for n in range(5)))
print("walrus in comp:", [y for n in range(10) if (y := n * n) % 3 == 1])
print("last walrus value:", y)
data = [3, -1, 4, -1, 5, -9, 2, 6]


def running_sum(xs):
    # walrus rebinding an outer name from a comprehension (inside a function:
    # at module level MicroPython rejects it)
    total = 0
    out = [total := total + d for d in xs]
    return out, total


print("running:", running_sum(data))
print("sorted gen:", sorted((d for d in data if d > 0), reverse=True))
print("set from gen:", sorted(set(abs(d) for d in data)))
print("dict from pairs:", sorted(dict((c, ord(c)) for c in "hey").items()))
print("tuple gen:", tuple(n // 2 for n in range(6)))
nested = [[[i, j, k] for k in range(2)] for j in range(2) for i in range(2)]
print("deep:", nested)
print("comp in class:")


class Table:
    size = 4
    rows = [r * 2 for r in range(4)]
    squares = {n: n * n for n in range(3)}


print(" ", Table.rows, sorted(Table.squares.items()))
