n = 0
while n < 3:
    n += 1
else:
    print("while finished normally", n)
n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never")
print("broke at", n)
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    if count > 6:
        break
print(count)
i = 5
while i:
    i -= 2 if i > 1 else 1
print(i)
