line = "=" * 20
print(line)
print("|".join(["ab"] * 3), "-" * 0 == "", ("ab" * 3).count("ab"))
rows = [["a", "bb"], ["ccc", "d"]]
for row in rows:
    print(" ".join(cell.center(4) for cell in row))
