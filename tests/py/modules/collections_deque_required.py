# MicroPython's deque: the length is needed, and a true third argument
# makes a full deque refuse more and an empty one raise on pop.
from collections import deque

try:
    deque(())
except TypeError:
    print("TypeError")

d = deque((), 2, True)
for take in (d.pop, d.popleft):
    try:
        take()
    except IndexError as e:
        print(repr(e))
d.append(1)
d.append(2)
for add in (d.append, d.appendleft):
    try:
        add(3)
    except IndexError as e:
        print(repr(e))
print(len(d), d.popleft(), d.pop())

# Without the flag a full deque drops from the other end.
d = deque((), 2)
for item in range(4):
    d.append(item)
print(len(d), d.popleft(), d.popleft())
