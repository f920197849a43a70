print(True + 1, False * 5, True / True, True // 1, True % 2, -True, +False)
print(sum([True, True, True]), True << 3, True == 1.0, False < True)
print(str(True), repr(False), int(True), float(True), "yes" if True else "no")
print(True and "x", False or "y", not 0, not "", [] or {} or 0)
