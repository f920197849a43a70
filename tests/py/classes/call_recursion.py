# Instances with a Python __call__ recurse as deeply as plain functions,
# and runaway recursion through __call__ is a clean RuntimeError.
class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, n):
        self.calls += 1
        if n == 0:
            return 0
        return 1 + self(n - 1)


count = Counter()
print(count(100), count.calls)


class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}

    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.fn(*args)
        return self.cache[args]


@Memo
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print(paths(20, 20), len(paths.cache))


class Forever:
    def __call__(self):
        return self()


try:
    Forever()()
except RuntimeError as error:
    print("RuntimeError", error)
print(count(3), count.calls)
