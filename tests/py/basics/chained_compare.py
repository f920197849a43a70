def v(x):
    print("eval", x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(1 < v(5) < 3)
print(v(1) > v(2) > v(3))
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 == 5.0, 1 != 2 != 1)
print(1 < 2 == 2 > 1, "a" < "b" < "c", [1] < [1, 0] < [2])
print(1 is not None is not False)
print(2 in [1, 2] in [[1, 2]], 3 not in [1] not in [[1]])
