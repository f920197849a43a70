kwlist = ["and", "if", "while"]
iskeyword = frozenset(kwlist).__contains__
print(iskeyword("if"), iskeyword("x"))
s = {1, 2}
print(s.__contains__(2), s.__contains__(3))
try:
    s.__contains__([1])
except TypeError:
    print("TypeError")
