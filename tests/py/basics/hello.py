print(1 + 1)
print("hello", 2 * 21)
x = [1, 2, 3]
x.append(4)
print(x, len(x), sum(x))
d = {"a": 1, "b": 2}
print(d, d["b"])
def f(a, b=2, *args, c=3, **kw):
    return a + b + c + len(args) + len(kw)
print(f(1), f(1, 2, 3, 4, c=10, z=1))
for i in range(3):
    print(i, end=" ")
print()
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
print(2 ** 100, 1.5, 1e16, 0.1 + 0.2)
