a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
x = ()
y = ()
print(x is y, x == y)
print(True is True, 1 == True, 0 == False)
small1 = 5
small2 = 5
print(small1 is small2)
s = "interned"
t = "interned"
print(s == t)


def f():
    pass


print(f is f, f == f)
