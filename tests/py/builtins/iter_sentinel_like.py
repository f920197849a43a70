data = iter([1, 2, 0, 3])
total = 0
for value in data:
    if value == 0:
        break
    total += value
print(total, list(data))
chunks = iter("abcdefg")
print(list(zip(chunks, chunks)), list(chunks))
