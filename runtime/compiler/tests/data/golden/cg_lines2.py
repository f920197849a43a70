def f(a, b):
    return (a
            if b else
            b)
total = sum(
    x * 2
    for x in range(3))
other = sum((
    x for x in range(3)))
print(total, other, f(1,
                      2))
data = [
    (1, 2),
    (3, 4),
]
big = (
    "a", "b",
    "c",
)
