from collections import deque
d = deque((), 5)
for value in range(7):
    d.append(value)
print(list(d), len(d))
d.appendleft(-1)
print(list(d))
print(d.pop(), d.popleft(), list(d))
d.extend([10, 11])
print(list(d), bool(d), 11 in list(d))
while d:
    d.popleft()
print(len(d), bool(d))
try:
    d.pop()
except IndexError:
    print("IndexError")
