a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 98)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(2)
print(a, a.index(5), a.count(1), a.index(1, 1) if 1 in a[1:] else -1)
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True, key=lambda v: -v)
print(a)
b = a.copy()
b.clear()
print(a, b)
for bad in (lambda: [].pop(), lambda: [1].remove(5), lambda: [1].index(7)):
    try:
        bad()
    except (IndexError, ValueError) as error:
        print(type(error).__name__)
