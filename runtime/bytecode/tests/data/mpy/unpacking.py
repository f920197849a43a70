a, b = 1, 2
a, b = b, a
c, d, e = [3, 4, 5]
first, *rest = [1, 2, 3, 4]
*init, last = (1, 2, 3)
h, *mid, t = range(6)
(p, q), r = (1, 2), 3
lst = list(range(10))
print(lst[1:5], lst[::2], lst[1:8:3], lst[-1], lst[:])
lst[0] = 100
lst[1:3] = [7, 8]
del lst[0]
del lst[1:2]
m = {"k": 1}
m["j"] = 2
del m["k"]
print(a, b, c, d, e, first, rest, init, last, h, mid, t, p, q, r, lst, m)
print(*lst, sep=",")
print(*[1, 2], *[3], **{"end": "\n"})
