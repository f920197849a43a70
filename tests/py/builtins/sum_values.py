print(sum([]), sum([1, 2, 3]), sum((1.5, 2.5)), sum(range(100)), sum([1, 2], 10))
print(sum([0.1] * 10) == 1.0, sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum(x * x for x in range(5)), sum({1: 2, 3: 4}), sum([True, True, False]))
print(sum([2**64, 2**64]), sum([1, 2.5]), sum([-1, -2], -3))
try:
    sum(["a", "b"])
except TypeError:
    print("TypeError")
