from .deque import Deque


class Counter:
    def __init__(self, items):
        self.counts = {}
        for item in items:
            self.counts[item] = self.counts.get(item, 0) + 1

    def most_common(self):
        return sorted(self.counts.items(), key=lambda pair: (-pair[1], pair[0]))
