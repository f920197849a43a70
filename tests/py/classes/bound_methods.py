class Greeter:
    def __init__(self, word):
        self.word = word

    def greet(self, who):
        return self.word + ", " + who


g = Greeter("hi")
method = g.greet
print(method("ann"), Greeter.greet(g, "bob"))
print(list(map(g.greet, ["c", "d"])))
callbacks = [Greeter(w).greet for w in ("a", "b")]
print([cb("x") for cb in callbacks])
print(method.__self__ is g if hasattr(method, "__self__") else True)


def outside(self):
    return "outside " + self.word


Greeter.extra = outside
print(g.extra())
g.func = lambda: "instance function, no self"
print(g.func())
