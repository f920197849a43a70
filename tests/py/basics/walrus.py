data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
values = iter([3, 2, 0, 5])
while (v := next(values)) != 0:
    print("value", v)
print(v)


def f():
    total = 0
    while (chunk := total + 4) < 13:
        total = chunk
    return total


print(f())
