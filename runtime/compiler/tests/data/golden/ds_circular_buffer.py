# Fixed-capacity ring buffers: overwrite mode, blocking-style mode with
# errors, and a byte ring built on bytearray for stream framing.


class RingBuffer:
    def __init__(self, capacity, overwrite=False):
        self.buf = [None] * capacity
        self.cap = capacity
        self.start = 0
        self.count = 0
        self.overwrite = overwrite
        self.dropped = 0

    def __len__(self):
        return self.count

    def full(self):
        return self.count == self.cap

    def push(self, item):
        if self.full():
            if not self.overwrite:
                raise OverflowError("ring full")
            self.buf[self.start] = item
            self.start = (self.start + 1) % self.cap
            self.dropped += 1
            return
        self.buf[(self.start + self.count) % self.cap] = item
        self.count += 1

    def pop(self):
        if not self.count:
            raise IndexError("ring empty")
        item = self.buf[self.start]
        self.buf[self.start] = None
        self.start = (self.start + 1) % self.cap
        self.count -= 1
        return item

    def __getitem__(self, i):
        if i < 0:
            i += self.count
        if not 0 <= i < self.count:
            raise IndexError("index out of range")
        return self.buf[(self.start + i) % self.cap]

    def __iter__(self):
        for i in range(self.count):
            yield self[i]

    def __repr__(self):
        return "Ring(%s, cap=%d)" % (list(self), self.cap)


class ByteRing:
    def __init__(self, size):
        self.mem = bytearray(size)
        self.r = 0
        self.w = 0
        self.size = size

    def available(self):
        return (self.w - self.r) % self.size

    def space(self):
        return self.size - 1 - self.available()

    def write(self, data):
        n = min(len(data), self.space())
        for i in range(n):
            self.mem[self.w] = data[i]
            self.w = (self.w + 1) % self.size
        return n

    def read(self, n):
        n = min(n, self.available())
        out = bytearray(n)
        for i in range(n):
            out[i] = self.mem[self.r]
            self.r = (self.r + 1) % self.size
        return bytes(out)

    def peek(self, i):
        return self.mem[(self.r + i) % self.size]


r = RingBuffer(4)
for i in range(4):
    r.push(i * 10)
print(r, len(r), r.full())
try:
    r.push(99)
except OverflowError as e:
    print("overflow:", e)
print("pop:", r.pop(), r.pop())
r.push(40)
r.push(50)
print(r, "r[0]=%d r[-1]=%d" % (r[0], r[-1]))
try:
    r[7]
except IndexError as e:
    print("index error:", e)
while len(r):
    r.pop()
try:
    r.pop()
except IndexError as e:
    print("empty:", e)

ow = RingBuffer(5, overwrite=True)
for i in range(13):
    ow.push("s%d" % i)
print(ow, "dropped:", ow.dropped)

# moving window stats with overwrite ring
win = RingBuffer(3, overwrite=True)
for sample in [4, 8, 15, 16, 23, 42, 7]:
    win.push(sample)
    vals = list(win)
    print("sample %2d window=%s avg=%.2f max=%d" % (sample, vals, sum(vals) / len(vals), max(vals)))

# framing: messages are [len][payload...]
br = ByteRing(16)
stream = b"\x03abc\x05hello\x01!\x04more"
pos = 0
frames = []
while pos < len(stream) or br.available():
    pos += br.write(stream[pos:pos + 5])
    while br.available() >= 1 and br.available() >= 1 + br.peek(0):
        n = br.read(1)[0]
        frames.append(br.read(n))
    if pos >= len(stream) and br.available() and br.available() < 1 + br.peek(0):
        break
print("frames:", frames)
print("leftover:", br.available(), "space:", br.space())
