def letters():
    for c in "abcd":
        yield c


def numbers():
    n = 1
    while True:
        yield n
        n += 1


print(list(zip(letters(), numbers())))
print(list(map(lambda a, b: a * b, letters(), numbers())))
print(dict(zip(letters(), numbers())) == {"a": 1, "b": 2, "c": 3, "d": 4})
print(list(enumerate(letters(), 10)))
print(sorted(letters(), reverse=True), max(letters()), "".join(letters()))
