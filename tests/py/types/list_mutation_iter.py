items = [1, 2, 3, 4, 5, 6]
items = [x for x in items if x % 2]
print(items)
copy = items[:]
for value in copy:
    if value > 2:
        items.remove(value)
print(items, copy)
stack = []
for value in range(4):
    stack.append(value)
print([stack.pop() for _ in range(len(stack))], stack)
queue = [1, 2, 3]
queue.insert(0, 0)
print(queue.pop(0), queue)
