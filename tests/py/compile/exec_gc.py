# Code compiled at run time lives in the heap and is collected like any
# other object; functions keep their code alive across collections.
import gc

functions = []
for i in range(40):
    exec("def f(x):\n    return x * %d + len('%s')" % (i, "s" * i))
    functions.append(f)
    gc.collect()
print(sum(function(2) for function in functions))
for i in range(40):
    eval(compile("[n for n in range(%d)]" % i, "<e>", "eval"))
    if i % 8 == 0:
        gc.collect()
print(functions[5](1), functions[39](0))
g = {}
for i in range(20):
    exec("class A%d:\n    v = %d\n    def get(self):\n        return self.v" % (i, i), g)
gc.collect()
print(sum(g["A%d" % i]().get() for i in range(20)))
