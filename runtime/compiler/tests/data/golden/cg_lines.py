x = foo(1,
        2 + a,
        [b,
         c],
        d.e,
        f(
            g))
y = (a +
     b +
     c)
z = {
    "k": 1,
    "j": a + 1,
}
if (a and
        b):
    pass
result = obj.method(
    arg1,
    arg2,
).other(
    arg3
)
s = ("long string one that is long "
     "and continues here")
t = [i
     for i in range(3)]
u = lambda: (
    a)
def f(a,
      b=(1 +
         x)):
    return (a,
            b)
@decorator(
    1)
def g():
    pass
print(x,
      y); print(z)
