from array import array
for code, values in (("b", [-128, 127]), ("B", [0, 255]), ("h", [-32768, 32767]), ("H", [0, 65535]), ("i", [-2**31, 2**31 - 1]), ("I", [0, 2**32 - 1])):
    a = array(code, values)
    print(code, list(a), len(bytes(a)))
print(list(array("q", [-2**63, 2**63 - 1])), list(array("Q", [2**64 - 1])))
print(list(array("f", [0.5, -1.25])), list(array("d", [1e100, -0.0])))
