found = None
for i in range(10):
    try:
        if i * i > 20:
            raise StopIteration(i)
    except StopIteration as e:
        found = e.value
        break
print(found)
count = 0
while True:
    try:
        count += 1
        if count > 3:
            raise OverflowError("too many")
    except OverflowError as e:
        print(e, count)
        break
errors = []
for text in ["1", "x", "3", "", "5"]:
    try:
        errors.append(int(text))
    except ValueError:
        errors.append("bad")
print(errors)
