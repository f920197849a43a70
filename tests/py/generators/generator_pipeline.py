def read(lines):
    for line in lines:
        yield line


def strip_comments(lines):
    for line in lines:
        if not line.startswith("#"):
            yield line


def parse(lines):
    for line in lines:
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()


source = ["# header", "a = 1", "b=2", "#c=3", "d = four"]
print(list(parse(strip_comments(read(source)))))


def take(n, it):
    for _ in range(n):
        yield next(it)


def naturals():
    n = 0
    while True:
        yield n
        n += 1


print(list(take(5, naturals())))
