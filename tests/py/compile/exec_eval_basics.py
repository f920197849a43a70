# exec and eval with the caller's names, with a globals dict, with separate
# locals, and code that defines functions, classes, generators and closures.
x = 5
exec("y = x * 2")
print(y)
print(eval("x + y"))
print(eval("1, 2"))
print(eval("[i * i for i in range(5)]"))
print(eval("3.5 * 2"), eval("b'ab' + b'c'"), eval("(1, 'two', 3.0, None, ...)"))
print(eval("2 ** 100"), eval("-7 // 2"), eval("1j * 1j"))
print(eval("'a long string constant that is not a qstr' * 2"))

g = {}
exec("a = 1\ndef f(n):\n    return n + a\nb = f(10)", g)
print(g["b"], g["a"], sorted(k for k in g if not k.startswith("__")))

l = {}
exec("c = 3\nd = c + 1", g, l)
print(sorted(l.items()), "c" in g)
print(eval("a + c", g, l))
print(eval("x", None, {"x": 42}))


class C:
    exec("z = 7")


print(C.z)


def fn():
    q = 3
    try:
        return eval("q")
    except NameError as e:
        return "NameError"


print(fn())

exec("def gen():\n    yield 1\n    yield 2\nprint(list(gen()))")
exec("class K:\n    def m(self):\n        return 'm'\nprint(K().m())")
exec("def outer():\n    v = 10\n    def inner():\n        return v + 1\n    return inner\nprint(outer()())")
exec("while True:\n    break\nelse:\n    pass\nprint('loop')")
exec("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)")
exec(b"print('from bytes')")
print(exec("1"), eval("None"))
