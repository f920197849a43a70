for 1 in x: pass
for f() in y: pass
[x for 1 in y]
with a as 1: pass
