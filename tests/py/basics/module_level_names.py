# Names at a module's top level: loads and stores there are the module's
# globals, including shadowing a builtin and deleting the shadow again.
total = 0
for i in range(50):
    for j in range(20):
        total += (i * j) & 7
print(total, i, j)
print(len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
counter = 0
while counter < 5:
    counter = counter + 1
print(counter, globals()["counter"])
globals()["late"] = "set through globals()"
print(late)
def reads():
    return counter, total
print(reads())
namespace = {"a": 1}
exec("b = a + 1\nc = len('xy')", namespace)
print(namespace["b"], namespace["c"])
local_ns = {}
exec("d = 5\ne = d * 2", {}, local_ns)
print(sorted(local_ns.items()))
