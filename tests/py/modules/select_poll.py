# select.poll and select.select over rime's streams: the console, streams
# written in Python (asked through ioctl(3, events), as MicroPython's
# io.IOBase is), and the in-memory streams whose ioctl knows no poll.
import select, io, sys

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
p = select.poll()
print(type(p).__name__, p)
p.register(sys.stdout, select.POLLOUT)
print(p.poll(0))
print(p.poll(0), p.poll(None), p.poll(-1))
p.unregister(sys.stdout)
p.unregister(sys.stdout)
print(p.poll(0))

# BytesIO has no poll request: OSError(EINVAL) when polled.
b = io.BytesIO()
p.register(b)
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.errno)
p.unregister(b)
try:
    p.modify(b, 1)
except OSError as e:
    print("OSError", e.errno)
# Not a stream at all. (A failed register leaves MicroPython's poll set
# unusable, so it gets a poll object of its own.)
for thing in (1, "text", [1]):
    try:
        select.poll().register(thing)
    except OSError as e:
        print("OSError", e)


class Device(io.IOBase):
    def __init__(self, ready):
        self.ready = ready
        self.asked = []

    def ioctl(self, request, arg):
        self.asked.append((request, arg))
        return self.ready & arg


d1 = Device(select.POLLIN)
d2 = Device(select.POLLIN | select.POLLOUT)
p.register(d1)
print([(o is d1, ev) for o, ev in p.poll(0)], d1.asked)
p.modify(d1, select.POLLOUT)
d1.asked = []
print(p.poll(20), d1.asked[0], len(d1.asked) > 1)
p.register(d2, select.POLLIN | select.POLLOUT)
d1.asked = []
d2.asked = []
print([(o is d2, ev) for o, ev in p.poll(0)], d1.asked, d2.asked)
# Registering again replaces the events.
p.register(d2, select.POLLOUT)
print([(o is d2, ev) for o, ev in p.poll(0)])

# ipoll: the same tuple at every step; with flag 1 a reported object is not
# polled again until its events are set anew.
p.register(d2, select.POLLIN | select.POLLOUT)
seen = []
for pair in p.ipoll(0):
    seen.append((pair[0] is d2, pair[1]))
print(seen)
for obj, ev in p.ipoll(0, 1):
    print(obj is d2, ev)
d2.asked = []
print(p.poll(0), d2.asked)
p.modify(d2, select.POLLIN)
print([(o is d2, ev) for o, ev in p.poll(0)])
it = p.ipoll(0)
first = next(it)
print(first[1], next(it, "done"))

# select.select: the lists of readable, writable and exceptional objects.
r, w, x = select.select([d1, d2], [d1], [], 0)
print(len(r), d1 in r, d2 in r, w, x)
print(select.select([], [sys.stdout], [], 0) == ([], [sys.stdout], []))
print(select.select([], [], [], 0.01))
print(select.select([d1], [], [], None)[0][0] is d1)


class Broken(io.IOBase):
    def ioctl(self, request, arg):
        return -5


p2 = select.poll()
p2.register(Broken())
try:
    p2.poll(0)
except OSError as e:
    print("OSError", e.errno)
