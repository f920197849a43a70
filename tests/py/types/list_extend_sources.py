# list.extend and list += with lists, tuples, the list itself and iterators.
a = [1, 2]
a.extend(a)
print(a)
a += a
print(a, len(a))
b = []
for index in range(10):
    b.extend((index, index * 2))
print(b)
b.extend([])
b.extend(())
b.extend(range(3))
b.extend(x for x in "ab")
print(b[-6:], len(b))
c = list((1, 2, 3))
c += [4] * 20
print(c, tuple(c[:5]), tuple([9, 8]))
