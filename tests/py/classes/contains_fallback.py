class OnlyIter:
    def __iter__(self):
        return iter([1, 2, 3])


class OnlyGetitem:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * i


print(2 in OnlyIter(), 5 in OnlyIter())
print(9 in OnlyGetitem(), 10 in OnlyGetitem())


class Explicit:
    def __contains__(self, item):
        print("contains", item)
        return item == "yes"


print("yes" in Explicit(), "no" not in Explicit())
