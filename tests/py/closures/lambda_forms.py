square = lambda x: x * x
add = lambda a, b=10: a + b
varargs = lambda *a, **k: (a, sorted(k))
print(square(7), add(1), add(1, 2), varargs(1, 2, z=3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 3 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda: "immediately called")())
nested = lambda x: (lambda y: x + y)
print(nested(1)(2))
cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(n) for n in range(4)])
