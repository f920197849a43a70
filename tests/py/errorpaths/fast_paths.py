# The interpreter's fast paths at their edges: slices with extreme small-int
# bounds (also assigning a list to a slice of itself), extending a list by
# itself, a store hook added to a class after its instances were stored
# to, and a cached global deleted.
l = list(range(10))
for a in (-2**30, -11, -1, 0, 5, 11, 2**30 - 1):
    for b in (-2**30, -11, -1, 0, 5, 11, 2**30 - 1):
        x = l[a:b]
        y = tuple(l)[a:b]
        m = list(l)
        m[a:b] = [7, 8]
        n = list(l)
        n[a:b] = n
        print(a, b, len(x), len(y), len(m), len(n))
l.extend(l)
print(len(l))
t = (1, 2)
l.extend(t)
print(l[-3:])
class C:
    pass
c = C()
c.x = 1
def setattr_hook(self, name, value):
    object.__setattr__(self, name, value * 2)
C.__setattr__ = setattr_hook
c.y = 5
print(c.x, c.y)
g = 0
def f():
    global g
    g += 1
    return g
for i in range(100):
    f()
del g
try:
    f()
except NameError as e:
    print("NameError")
# Subscripts of exact lists and tuples by small ints, next to the cases the
# general path handles: negative and out-of-range indexes, stores into a
# tuple, del, bool indexes.
l = [10, 20, 30]
t = (1, 2, 3)
print(l[0], l[-1], t[1], t[-3], l[True])
l[1] = 21
l[-1] = 31
print(l)
for seq in (l, t):
    for i in (3, -4):
        try:
            print(seq[i])
        except IndexError as e:
            print("IndexError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
del l[0]
print(l)
