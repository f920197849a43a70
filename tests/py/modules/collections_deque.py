from collections import deque, OrderedDict

d = deque((), 10)
print(len(d), bool(d))
d.append(1)
d.append(2)
d.appendleft(0)
print(len(d), bool(d), list(d))
print(d.pop(), d.popleft(), list(d))
d.extend([5, 6, 7])
print(list(d))
for item in d:
    print("item", item)
while d:
    d.pop()
print(len(d))
try:
    d.pop()
except IndexError:
    print("IndexError pop")
try:
    d.popleft()
except IndexError:
    print("IndexError popleft")

ring = deque((), 3)
for value in range(6):
    ring.append(value)
    print(list(ring))
ring.appendleft(-1)
print(list(ring))
bounded = deque([1, 2, 3, 4, 5], 2)
print(list(bounded), len(bounded))

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(list(od), od["a"], len(od))
del od["b"]
print(list(od.items()))
