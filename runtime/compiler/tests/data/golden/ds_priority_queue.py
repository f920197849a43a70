# Indexed priority queue with decrease-key, a stable task scheduler using
# heapq, and a bucket queue for small integer priorities.
import heapq


class IndexedPQ:
    def __init__(self):
        self.heap = []
        self.pos = {}

    def __len__(self):
        return len(self.heap)

    def _swap(self, i, j):
        h = self.heap
        h[i], h[j] = h[j], h[i]
        self.pos[h[i][1]] = i
        self.pos[h[j][1]] = j

    def _up(self, i):
        while i:
            p = (i - 1) >> 1
            if self.heap[i] < self.heap[p]:
                self._swap(i, p)
                i = p
            else:
                break

    def _down(self, i):
        n = len(self.heap)
        while True:
            l, r, m = 2 * i + 1, 2 * i + 2, i
            if l < n and self.heap[l] < self.heap[m]:
                m = l
            if r < n and self.heap[r] < self.heap[m]:
                m = r
            if m == i:
                break
            self._swap(i, m)
            i = m

    def push(self, key, prio):
        if key in self.pos:
            i = self.pos[key]
            old = self.heap[i][0]
            self.heap[i] = (prio, key)
            if prio < old:
                self._up(i)
            else:
                self._down(i)
            return
        self.heap.append((prio, key))
        self.pos[key] = len(self.heap) - 1
        self._up(len(self.heap) - 1)

    def pop(self):
        self._swap(0, len(self.heap) - 1)
        prio, key = self.heap.pop()
        del self.pos[key]
        if self.heap:
            self._down(0)
        return key, prio

    def __contains__(self, key):
        return key in self.pos


pq = IndexedPQ()
for k, p in [("a", 5), ("b", 3), ("c", 8), ("d", 1), ("e", 9)]:
    pq.push(k, p)
pq.push("c", 0)
pq.push("d", 7)
print("contains e:", "e" in pq, "z:", "z" in pq)
while len(pq):
    print("pop", pq.pop())


class Scheduler:
    def __init__(self):
        self.q = []
        self.seq = 0
        self.now = 0
        self.log = []

    def at(self, t, name, repeat=0):
        heapq.heappush(self.q, (t, self.seq, name, repeat))
        self.seq += 1

    def run(self, until):
        while self.q and self.q[0][0] <= until:
            t, _, name, rep = heapq.heappop(self.q)
            self.now = t
            self.log.append("t=%3d %s" % (t, name))
            if rep:
                self.at(t + rep, name, rep)


s = Scheduler()
s.at(0, "boot")
s.at(10, "blink", repeat=25)
s.at(10, "sensor", repeat=40)
s.at(55, "report")
s.at(30, "flush", repeat=50)
s.run(120)
for line in s.log:
    print(line)
print("pending:", sorted((t, n) for t, _, n, _ in s.q))


class BucketQueue:
    def __init__(self, levels):
        self.buckets = [[] for _ in range(levels)]
        self.n = 0

    def push(self, prio, item):
        self.buckets[prio].append(item)
        self.n += 1

    def pop(self):
        for p, b in enumerate(self.buckets):
            if b:
                self.n -= 1
                return p, b.pop(0)
        raise IndexError("empty bucket queue")


bq = BucketQueue(4)
for i, w in enumerate("irq timer uart spi idle gc log".split()):
    bq.push((i * 7) % 4, w)
out = []
while bq.n:
    out.append(bq.pop())
print("bucket order:", out)
try:
    bq.pop()
except IndexError as e:
    print("error:", e)

nums = [(i * 37) % 101 for i in range(25)]
print("nsmallest-ish:", sorted(nums)[:5])
h = list(nums)
heapq.heapify(h)
print("heapify pops:", [heapq.heappop(h) for _ in range(8)])
