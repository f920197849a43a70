tree = {"name": "root", "children": [{"name": "a", "children": []}, {"name": "b", "children": [{"name": "c", "children": []}]}]}
def walk(node, depth):
    print("  " * depth + node["name"])
    for child in node["children"]:
        walk(child, depth + 1)
walk(tree, 0)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [list(row) for row in zip(*matrix)])
print([[1, [2, [3, [4]]]]], ((1, (2,)),))
