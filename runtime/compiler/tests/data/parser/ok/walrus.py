if (n := len(a)) > 10:
    print(n)
while chunk := read():
    process(chunk)
values = [y := f(x), y ** 2]
print(total := 5)
filtered = [z for x in data if (z := g(x))]
