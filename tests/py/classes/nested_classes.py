class Outer:
    class Inner:
        value = 1

        def hello(self):
            return "inner hello"

    def make(self):
        return self.Inner()


o = Outer()
print(o.make().hello(), Outer.Inner.value)
print(type(o.make()).__name__, isinstance(o.make(), Outer.Inner))


class Tree:
    class Node:
        def __init__(self, value, children=()):
            self.value = value
            self.children = list(children)

    def __init__(self, root):
        self.root = root

    def total(self, node=None):
        node = node or self.root
        return node.value + sum(self.total(c) for c in node.children)


N = Tree.Node
print(Tree(N(1, [N(2), N(3, [N(4)])])).total())
