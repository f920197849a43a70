def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"


print([sign(n) for n in (-5, 0, 5)])
x = 3
y = "big" if x > 2 else "small"
print(y)
print((1 if True else 2) + (10 if False else 20))
f = (lambda: "a") if x else (lambda: "b")
print(f())
print([i if i % 2 else "even" for i in range(4)])
