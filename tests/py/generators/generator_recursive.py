def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [], [[6]]])))


def permutations(seq):
    if len(seq) <= 1:
        yield seq
        return
    for i in range(len(seq)):
        for rest in permutations(seq[:i] + seq[i + 1 :]):
            yield seq[i : i + 1] + rest


print(list(permutations("abc")))


def tree_walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for child in children:
        yield from tree_walk(child, depth + 1)


for line in tree_walk(("root", [("a", [("a1", [])]), ("b", [])])):
    print(line)
