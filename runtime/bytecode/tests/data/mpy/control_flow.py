def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10 and n % 2 == 0:
        return "small even"
    elif n < 10 or n > 100:
        return "other"
    else:
        return "big"


def search(items, target):
    for i, item in enumerate(items):
        if item == target:
            break
    else:
        return -1
    return i


def loop_while(n):
    total = 0
    while n > 0:
        n -= 1
        if n % 3 == 0:
            continue
        total += n
    else:
        total += 1000
    return total


x = 1 if classify(5) == "other" else 2
y = (x and 3) or 4
z = not (x or y)
for k in range(10, 0, -2):
    print(k)
for k in range(3):
    pass
print(classify(-1), classify(4), search([1, 2, 3], 2), loop_while(10), x, y, z)
