class Deque:
    def __init__(self):
        self.items = []

    def append(self, item):
        self.items.append(item)

    def appendleft(self, item):
        self.items.insert(0, item)

    def popleft(self):
        return self.items.pop(0)

    def __len__(self):
        return len(self.items)
