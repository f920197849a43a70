# heapq keeps a list as a min-heap: heappush, heappop, heapify.
import heapq

heap = []
for value in (5, 1, 8, 3, 9, 2, 7):
    heapq.heappush(heap, value)
print(heap[0], len(heap), [heapq.heappop(heap) for _ in range(7)], heap)

data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data[0], all(data[k] <= data[c] for k in range(10) for c in (2 * k + 1, 2 * k + 2) if c < 10))
print([heapq.heappop(data) for _ in range(10)])

tasks = []
for priority, name in ((2, "write"), (1, "read"), (3, "sleep"), (1, "blink")):
    heapq.heappush(tasks, (priority, name))
print([heapq.heappop(tasks) for _ in range(4)])

words = ["pear", "fig", "apple", "kiwi"]
heapq.heapify(words)
print(heapq.heappop(words), heapq.heappop(words))


class Job:
    def __init__(self, cost):
        self.cost = cost

    def __lt__(self, other):
        return self.cost < other.cost


jobs = [Job(c) for c in (4, 2, 6, 1)]
heapq.heapify(jobs)
print([heapq.heappop(jobs).cost for _ in range(4)])
for action in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1)):
    try:
        action()
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)
