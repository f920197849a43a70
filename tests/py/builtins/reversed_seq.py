print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed([])))
print("".join(reversed("stressed")), list(reversed(b"ab")))
class Custom:
    def __len__(self):
        return 3
    def __getitem__(self, index):
        return "abc"[index]
print(list(reversed(Custom())))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
try:
    reversed(5)
except TypeError:
    print("TypeError")
