class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, item):
        return item in self.items
    def __iter__(self):
        return iter(self.items)
b = Bag(1, 2, 3)
print(len(b), 2 in b, 5 in b, 5 not in b, list(b), sum(b), bool(b), bool(Bag()))
print(sorted(b, reverse=True), max(b), tuple(b))
