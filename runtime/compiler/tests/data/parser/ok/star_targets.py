a, *b = c
*a, b = c
[a, *b, c] = d
(a, (b, *c)) = e
for x, *y in z:
    pass
