a = b = c = 5
print(a, b, c)
a += 1
print(a, b)
x = y = [0]
x[0] = 9
print(y)
i = 0
lst = [10, 20, 30]
i = lst[i] = 1
print(i, lst)
p, q = q, p = 1, 2
print(p, q)
