# reversed() over ranges, lists and tuples, and for loops over iterator
# objects (a generator expression's argument is always one).
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), list(reversed("abc")))
r = reversed(range(-3, 3))
print(next(r), next(r), list(r))

it = iter([1, 2, 3])
for x in it:
    print(x)
    break
print(list(it))
it = iter(range(5))
for x in it:
    if x == 2:
        break
print(next(it), list(it))
print(list(x for x in range(3, 9, 2)), list(x for x in range(9, 3, -2)))
print(list(x for x in iter((1, 2))), sum(x * x for x in [1, 2, 3]))
items = [1, 2]
for x in iter(items):
    if len(items) < 5:
        items.append(x * 10)
print(items)
