# LRU caches: one on an ordered dict, one with an explicit linked list,
# plus a memoizing decorator with hit/miss statistics.
from collections import OrderedDict


class LRUDict:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.evicted = []

    def get(self, key, default=None):
        if key not in self.data:
            return default
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            old = next(iter(self.data))
            self.data.pop(old)
            self.evicted.append(old)
        self.data[key] = value

    def keys(self):
        return list(self.data.keys())


class _Entry:
    def __init__(self, k, v):
        self.k, self.v = k, v
        self.prev = self.next = None


class LRUList:
    def __init__(self, capacity):
        self.cap = capacity
        self.map = {}
        self.head = _Entry(None, None)
        self.tail = _Entry(None, None)
        self.head.next = self.tail
        self.tail.prev = self.head

    def _detach(self, e):
        e.prev.next = e.next
        e.next.prev = e.prev

    def _front(self, e):
        e.next = self.head.next
        e.prev = self.head
        self.head.next.prev = e
        self.head.next = e

    def get(self, k):
        e = self.map.get(k)
        if e is None:
            return -1
        self._detach(e)
        self._front(e)
        return e.v

    def put(self, k, v):
        e = self.map.get(k)
        if e:
            e.v = v
            self._detach(e)
            self._front(e)
            return None
        if len(self.map) == self.cap:
            lru = self.tail.prev
            self._detach(lru)
            del self.map[lru.k]
            evicted = lru.k
        else:
            evicted = None
        e = _Entry(k, v)
        self.map[k] = e
        self._front(e)
        return evicted

    def order(self):
        out = []
        e = self.head.next
        while e is not self.tail:
            out.append(e.k)
            e = e.next
        return out


class memoize:
    # function attributes are not available in MicroPython, so the
    # decorator returns a callable object instead of a closure
    def __init__(self, maxsize):
        self.maxsize = maxsize
        self.fn = None
        self.cache = LRUDict(maxsize)
        self.hits = 0
        self.misses = 0

    def __call__(self, *args):
        if self.fn is None:
            self.fn = args[0]
            return self
        r = self.cache.get(args, self)
        if r is self:
            self.misses += 1
            r = self.fn(*args)
            self.cache.put(args, r)
        else:
            self.hits += 1
        return r

    def stats(self):
        return (self.hits, self.misses)


c = LRUDict(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print("keys:", c.keys())
print("get a:", c.get("a"), c.keys())
c.put("d", 4)
print("after d:", c.keys(), "evicted:", c.evicted)
c.put("c", 33)
c.put("e", 5)
print("after e:", c.keys(), "evicted:", c.evicted, "get c:", c.get("c"))

l = LRUList(2)
ops = [("put", 1, 1), ("put", 2, 2), ("get", 1), ("put", 3, 3), ("get", 2),
       ("put", 4, 4), ("get", 1), ("get", 3), ("get", 4), ("put", 3, 30), ("get", 3)]
for op in ops:
    if op[0] == "put":
        print("put", op[1:], "evicted:", l.put(op[1], op[2]), l.order())
    else:
        print("get", op[1], "->", l.get(op[1]), l.order())


@memoize(64)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print("grid paths 10x10:", paths(10, 10))
print("stats hits/misses:", paths.stats())
print("grid paths 16x16:", paths(16, 16))
print("stats hits/misses:", paths.stats(), "cache size:", len(paths.cache.keys()))


@memoize(4)
def slow_square(x):
    return x * x


for x in [1, 2, 3, 1, 4, 5, 1, 2, 6, 1]:
    slow_square(x)
print("square stats:", slow_square.stats(), sorted(k[0] for k in slow_square.cache.keys()))
