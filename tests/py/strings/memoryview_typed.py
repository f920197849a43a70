from array import array
numbers = array("h", [1, -2, 300])
view = memoryview(numbers)
print(len(view), view[0], view[1], view[-1], list(view))
view[1] = 7
print(list(numbers))
tail = view[1:]
print(len(tail), tail[0], list(tail))
tail[1] = -5
print(list(numbers), len(bytes(view)))
words = memoryview(array("I", [1, 2**32 - 1]))
print(words[1], list(words[:1]))
