from array import array
print(array("b", [1, 2]), array("f", [1.5]), array("H"), array("d", [0.5, 2.0]))
print(repr(array("i", [-1])), str(array("B", [255])))
print([array("b", [3])])
