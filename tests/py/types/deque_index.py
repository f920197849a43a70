# deque supports d[i] and d[i] = x with int indices (no slices).
from collections import deque

d = deque((1, 2, 3), 5)
print(d[0], d[-1], d[1])
d[1] = 9
d.append(4)
d.appendleft(0)
print(list(d), d[0], d[-1], len(d))
d.append(5)
print(list(d), d[0])
for bad in (lambda: d[5], lambda: d[-6], lambda: d["x"], lambda: d[0:1]):
    try:
        bad()
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)
try:
    deque((), 2)[0]
except IndexError as error:
    print("IndexError", error)
