# Binary min-heap, max-heap via key, heap sort and k-smallest selection.


class Heap:
    def __init__(self, key=None):
        self.data = []
        self.key = key if key is not None else (lambda x: x)

    def __len__(self):
        return len(self.data)

    def _less(self, i, j):
        return self.key(self.data[i]) < self.key(self.data[j])

    def _swap(self, i, j):
        d = self.data
        d[i], d[j] = d[j], d[i]

    def push(self, item):
        self.data.append(item)
        i = len(self.data) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self._less(i, parent):
                self._swap(i, parent)
                i = parent
            else:
                break

    def peek(self):
        return self.data[0]

    def pop(self):
        d = self.data
        if not d:
            raise IndexError("pop from empty heap")
        last = d.pop()
        if not d:
            return last
        top = d[0]
        d[0] = last
        self._sift_down(0)
        return top

    def _sift_down(self, i):
        n = len(self.data)
        while True:
            left = 2 * i + 1
            right = left + 1
            smallest = i
            if left < n and self._less(left, smallest):
                smallest = left
            if right < n and self._less(right, smallest):
                smallest = right
            if smallest == i:
                return
            self._swap(i, smallest)
            i = smallest

    @classmethod
    def heapify(cls, items, key=None):
        h = cls(key)
        h.data = list(items)
        for i in range(len(h.data) // 2 - 1, -1, -1):
            h._sift_down(i)
        return h

    def is_valid(self):
        n = len(self.data)
        for i in range(n):
            for c in (2 * i + 1, 2 * i + 2):
                if c < n and self._less(c, i):
                    return False
        return True


def heap_sort(items):
    h = Heap.heapify(items)
    return [h.pop() for _ in range(len(h))]


def k_smallest(items, k):
    # max-heap of size k using negated key
    h = Heap(key=lambda x: -x)
    for x in items:
        if len(h) < k:
            h.push(x)
        elif x < h.peek():
            h.pop()
            h.push(x)
    return sorted(h.data)


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed


gen = lcg(42)
values = [next(gen) % 1000 for _ in range(40)]
print("values:", values[:10], "...")
h = Heap()
for v in values:
    h.push(v)
print("valid:", h.is_valid(), "size:", len(h), "min:", h.peek())
out = []
while len(h) > 30:
    out.append(h.pop())
print("first ten popped:", out)
print("still valid:", h.is_valid())
print("heap sort:", heap_sort(values) == sorted(values))
print("heap sort small:", heap_sort([5, -2, 9, 0, 0, 3, -7]))
print("k smallest:", k_smallest(values, 5))
print("k smallest check:", sorted(values)[:5])

# Tasks by priority, ties broken by insertion counter
tasks = Heap(key=lambda t: (t[0], t[1]))
names = ["flash", "blink", "read", "write", "sleep", "wake", "sync"]
prios = [3, 1, 2, 1, 5, 2, 3]
for idx, (name, pr) in enumerate(zip(names, prios)):
    tasks.push((pr, idx, name))
while len(tasks):
    pr, idx, name = tasks.pop()
    print("run %-6s prio=%d seq=%d" % (name, pr, idx))

try:
    Heap().pop()
except IndexError as e:
    print("caught:", e)

big = Heap.heapify(range(200, 0, -3))
print("heapify valid:", big.is_valid(), big.peek(), len(big))
acc = 0
while len(big):
    acc = acc * 3 + big.pop()
    acc %= 1000003
print("checksum:", acc)
