it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
it = iter("ab")
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
d = {"only": 1}
print(next(iter(d)), next(iter(d.values())), next(iter(d.items())))
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)), next(Countdown(5)), next(iter(Countdown(0)), "empty"))
class Seq:
    def __getitem__(self, index):
        if index >= 3:
            raise IndexError
        return index * 10
print(list(iter(Seq())), list(Seq()))
try:
    iter(5)
except TypeError:
    print("TypeError")
