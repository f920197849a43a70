# Name resolution: module globals, function locals, class bodies,
# comprehension scopes, shadowing builtins, global/nonlocal interplay,
# UnboundLocalError, and names defined conditionally.

x = "global x"
len_calls = 0


def read_global():
    return x


def shadow_local():
    x = "local x"
    return x


def modify_global():
    global x
    old = x
    x = "modified"
    return old


print(read_global(), "|", shadow_local(), "|", x)
print(modify_global(), "->", x)
x = "global x"


def unbound():
    try:
        print(y_value)
        y_value = 1
    except NameError as e:
        return type(e).__name__


print("unbound local:", unbound())


class Scope:
    x = "class x"
    y = x + " derived"
    items = [x for _ in range(2)]

    def method(self):
        return x


print(Scope.y, Scope.items, Scope().method())


def shadow_builtin():
    len = lambda s: -1
    return len("abc")


print("shadowed builtin:", shadow_builtin(), len("abc"))


def outer():
    v = "outer"

    def middle():
        def inner():
            return v
        return inner()

    def rebinder():
        nonlocal v
        v = "rebound"

    r1 = middle()
    rebinder()
    return r1, middle(), v


print("nonlocal chain:", outer())
if True:
    conditional_name = "defined"
else:
    other_name = "never"
print("conditional:", conditional_name, "other_name" in globals())
for loop_leak in range(3):
    pass
print("loop var leaks:", loop_leak)
try:
    raise ValueError("v")
except ValueError as exc_name:
    caught = str(exc_name)
print("except var cleared:", caught, "exc_name" in globals())


def defaults_capture(val=x):
    return val


x = "changed later"
print("default captured at def time:", defaults_capture())


def counter_factory():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def peek():
        return count

    return inc, peek


inc, peek = counter_factory()
inc()
inc()
print("closure state:", peek())
gen_scope = list(i * 2 for i in range(3))
print("gen expr vars do not leak:", "i" not in globals() or True, gen_scope)
z = 10


def uses_later_global():
    return z + later_defined


later_defined = 5
print("global defined after function:", uses_later_global())


def local_shadows_global_in_branch(flag):
    if flag:
        z = 1
    try:
        return z
    except NameError:
        return "UnboundLocalError"


print("branch local:", local_shadows_global_in_branch(True), local_shadows_global_in_branch(False))


class Counter:
    total = 0

    def bump(self):
        Counter.total += 1
        self.total = Counter.total * 10
        return self.total, Counter.total


c = Counter()
print("class vs instance:", c.bump(), c.bump(), Counter.total)
del c.total
print("after del instance attr:", c.total)


def global_declared_unused():
    global never_assigned_global
    return "never_assigned_global" in globals()


print("global decl w/o assign:", global_declared_unused())
lam_scope = [(lambda: n)() for n in range(3)]
print("lambda in comprehension:", lam_scope)
print("builtins via globals:", "print" not in globals(), callable(print))
