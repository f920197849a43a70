a.b.c.d
a.b().c[0].d
x = a.b.c
(1).real
"str".join(parts)
