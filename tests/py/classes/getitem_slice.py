class Seq:
    def __getitem__(self, index):
        if isinstance(index, slice):
            return ("slice", index.start, index.stop, index.step)
        if index >= 3:
            raise IndexError(index)
        return index * 10


s = Seq()
print(s[0], s[2], s[1:2], s[::3], s[:5:])
print(list(s))
for v in s:
    print("iter", v)
print(20 in s, 5 in s)
