# Item reads, item writes and for loops over lists and tuples, in the forms
# the interpreter runs without leaving its inner loop and in the forms it
# hands to the general path: negative and out-of-range indices, bool
# indices, deletion, subclasses, constant tuples, lists that grow or shrink
# while a loop runs over them.
def rotate(values, times):
    for _ in range(times):
        first = values[0]
        for i in range(len(values) - 1):
            values[i] = values[i + 1]
        values[-1] = first
    return values


print(rotate([1, 2, 3, 4, 5], 2))
pair = (7, 8, 9)
print(pair[0] + pair[-1], pair[1], (10, 20, 30)[2])
items = [5, 6, 7]
items[True] = 60
print(items[False], items[True], items[-3])
try:
    items[3] = 1
except IndexError as error:
    print("IndexError", error)
try:
    print(pair[-4])
except IndexError as error:
    print("IndexError", error)
try:
    items["0"]
except TypeError:
    print("TypeError")
del items[0]
print(items)


class Tracked(list):
    def total(self):
        return sum(self)


tracked = Tracked([1, 2])
tracked[0] = 10
print(tracked[1], tracked[-2], [x for x in tracked], tracked.total())
growing = [1, 2, 3]
seen = []
for value in growing:
    seen.append(value)
    if value < 6:
        growing.append(value + 3)
print(seen)
shrinking = [1, 2, 3, 4, 5, 6]
kept = []
for value in shrinking:
    kept.append(value)
    if len(shrinking) > 3:
        shrinking.pop()
print(kept, shrinking)
total = 0
for row in [(1, 2), (3, 4), [5, 6]]:
    for cell in row:
        total = total * 2 + cell
print(total)
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        grid[i][j] = grid[i - 1][j - 1] + i * 3 + j
print(grid)
names = ("a", "b") + ("c",)
print([names[i] for i in range(-3, 3)])
