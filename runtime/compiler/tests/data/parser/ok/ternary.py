x = a if b else c
y = a if b else c if d else e
z = (a if b else c) + 1
w = lambda: 1 if t else 2
