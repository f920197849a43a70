with open(p) as f:
    data = f.read()
with a, b as c, d() as (e, f):
    pass
with (a as b, c as d):
    pass
with (a as b,
      c):
    pass
with (a, b) as c:
    pass
with (yield x) as y: pass
