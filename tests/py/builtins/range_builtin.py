print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(5, 0, -2)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)), list(range(10, -10, -7)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[1:3], r[::-1])
print(5 in r, 6 in r, 17 in r, 21 in r)
print(r.start, r.stop, r.step)
print(sum(range(101)), max(range(7)), min(range(3, 8)))
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError step")
try:
    range(3)[5]
except IndexError:
    print("IndexError")
