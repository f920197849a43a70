# Byte ring buffer for UART RX with overwrite/reject policies, peek, line extraction,
# and a message-oriented ring of fixed slots.
from micropython import const

POLICY_REJECT = const(0)
POLICY_OVERWRITE = const(1)


class RingBuffer:
    def __init__(self, size, policy=POLICY_REJECT):
        self.buf = bytearray(size)
        self.size = size
        self.head = 0  # next write
        self.tail = 0  # next read
        self.count = 0
        self.policy = policy
        self.overruns = 0

    def __len__(self):
        return self.count

    def free(self):
        return self.size - self.count

    def put(self, data):
        written = 0
        for b in data:
            if self.count == self.size:
                if self.policy == POLICY_REJECT:
                    self.overruns += len(data) - written
                    break
                self.tail = (self.tail + 1) % self.size
                self.count -= 1
                self.overruns += 1
            self.buf[self.head] = b
            self.head = (self.head + 1) % self.size
            self.count += 1
            written += 1
        return written

    def get(self, n=-1):
        if n < 0 or n > self.count:
            n = self.count
        out = bytearray(n)
        first = min(n, self.size - self.tail)
        out[:first] = self.buf[self.tail:self.tail + first]
        out[first:] = self.buf[:n - first]
        self.tail = (self.tail + n) % self.size
        self.count -= n
        return bytes(out)

    def peek(self, i=0):
        if not 0 <= i < self.count:
            raise IndexError("peek %d" % i)
        return self.buf[(self.tail + i) % self.size]

    def find(self, byte):
        for i in range(self.count):
            if self.peek(i) == byte:
                return i
        return -1

    def readline(self):
        i = self.find(10)
        return None if i < 0 else self.get(i + 1)

    def __repr__(self):
        return "<Ring %d/%d head=%d tail=%d>" % (self.count, self.size, self.head, self.tail)


class SlotRing:
    def __init__(self, slots):
        self.items = [None] * slots
        self.w = self.r = 0
        self.n = 0

    def push(self, item):
        if self.n == len(self.items):
            return False
        self.items[self.w] = item
        self.w = (self.w + 1) % len(self.items)
        self.n += 1
        return True

    def pop(self):
        if not self.n:
            raise IndexError("empty")
        item, self.items[self.r] = self.items[self.r], None
        self.r = (self.r + 1) % len(self.items)
        self.n -= 1
        return item

    def __iter__(self):
        while self.n:
            yield self.pop()


rb = RingBuffer(16)
print(rb, "put", rb.put(b"hello "), rb)
print("get", rb.get(3), rb)
print("put", rb.put(b"world\nmore text"), "overruns", rb.overruns, rb)
print("line", rb.readline(), "left", len(rb), "peek", chr(rb.peek(0)))
print("rest", rb.get(), rb)
try:
    rb.peek(0)
except IndexError as e:
    print("IndexError:", e)
ow = RingBuffer(8, POLICY_OVERWRITE)
for chunk in (b"abc", b"defgh", b"ijk", b"lmnopqrs"):
    ow.put(chunk)
    print("overwrite", chunk, "->", bytes(ow.buf), len(ow), ow.overruns)
print("final", ow.get())
uart = RingBuffer(32)
incoming = [b"T=21.", b"5\nH=4", b"0\n", b"P=1013", b"25\nBAD", b"\nX" * 3]
lines = []
for chunk in incoming:
    uart.put(chunk)
    while True:
        line = uart.readline()
        if line is None:
            break
        lines.append(line.decode().strip())
print("lines", lines, "pending", uart.get())
q = SlotRing(3)
print("push", [q.push(x) for x in ("a", "b", "c", "d")])
print("pop", q.pop(), "push", q.push("e"))
print("drain", list(q), "n", q.n)
try:
    q.pop()
except IndexError as e:
    print("IndexError:", e)
stress = RingBuffer(7)
total_in = total_out = 0
for i in range(40):
    total_in += stress.put(bytes([(i * 5 + k) & 0xFF for k in range(i % 4 + 1)]))
    if i % 3 == 0:
        total_out += len(stress.get(i % 5))
print("stress in", total_in, "out", total_out, "held", len(stress), "overruns", stress.overruns)
