a = [x for x in y]
b = [x * y for x in xs if x for y in ys if y > 0 if y < 10]
c = {x for x in y}
d = {k: v for k, v in items}
e = (x for x in y)
f = sum(x for x in y)
g = [[i for i in row] for row in matrix]
h = [x for x in (lambda: y)() if lambda: z]
