# deque as MicroPython's: the maximum length is required; flag 1 makes a
# full deque refuse appends with IndexError('full') instead of dropping.
from collections import deque

for args in ((), ((),)):
    try:
        deque(*args)
    except TypeError as error:
        print("TypeError", error)
print(list(deque([1, 2, 3], 2)))
checked = deque((), 2, True)
for action in ("popleft", "pop"):
    try:
        getattr(checked, action)()
    except IndexError as error:
        print(repr(error))
checked.append(1)
checked.appendleft(0)
for value in (7, 8):
    try:
        checked.append(value) if value == 7 else checked.appendleft(value)
    except IndexError as error:
        print(repr(error))
print(len(checked), checked.popleft(), checked.pop(), len(checked))
try:
    deque([1, 2, 3], 2, 1)
except IndexError as error:
    print(repr(error))
dropping = deque((), 2, 0)
for value in range(4):
    dropping.append(value)
print(list(dropping))
