# A function's __globals__ is the globals dict it runs in: the module's for
# a function of the module, the dict given to exec for one made there.
x = "module"


def f():
    pass


print(f.__globals__ is globals(), f.__globals__["x"])

scope = {"x": "scope"}
exec("def g():\n    return x\n", scope)
print(scope["g"].__globals__ is scope, scope["g"].__globals__["x"], scope["g"]())


def test():
    exec(compile("def h(): pass\nprint('h', h.__globals__['x'])", "file", "exec"))


test()
print(type(len).__name__, hasattr(len, "__globals__"))
