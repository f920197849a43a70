x = 1
a = b = c = x
a.b = c[0] = d
(a) = 2
[a, b] = c, d = e
x: int
y: list[int] = []
obj.attr: str = "v"
