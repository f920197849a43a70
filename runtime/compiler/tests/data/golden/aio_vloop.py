# A tiny cooperative scheduler written from scratch (no asyncio): coroutines yield
# awaitable command objects (Sleep, WaitEvent) and the loop advances a virtual clock.
# Exercises async def / await over classes that implement __iter__.
from micropython import const

_MAX_STEPS = const(500)


class Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __iter__(self):
        yield self


class Flag:
    def __init__(self):
        self.is_set = False
        self.waiters = []

    def set(self, loop):
        self.is_set = True
        for t in self.waiters:
            loop.ready(t)
        self.waiters = []

    def __iter__(self):
        if not self.is_set:
            yield self


class Task:
    _next_id = 1

    def __init__(self, coro, name):
        self.coro = coro
        self.name = name
        self.id = Task._next_id
        Task._next_id += 1
        self.result = None
        self.done = False


class Loop:
    def __init__(self):
        self.now = 0
        self.timers = []  # (wake_time, seq, task)
        self.run_q = []
        self.seq = 0
        self.trace = []

    def spawn(self, coro, name):
        t = Task(coro, name)
        self.ready(t)
        return t

    def ready(self, t):
        self.run_q.append(t)

    def run(self):
        steps = 0
        while (self.run_q or self.timers) and steps < _MAX_STEPS:
            steps += 1
            if not self.run_q:
                self.timers.sort()
                wake, _, t = self.timers.pop(0)
                self.now = wake
                self.run_q.append(t)
            t = self.run_q.pop(0)
            try:
                cmd = t.coro.send(None)
            except StopIteration as e:
                t.done = True
                t.result = e.value
                self.trace.append("%4d %s done -> %r" % (self.now, t.name, t.result))
                continue
            if isinstance(cmd, Sleep):
                self.seq += 1
                self.timers.append((self.now + cmd.ms, self.seq, t))
            elif isinstance(cmd, Flag):
                cmd.waiters.append(t)
            else:
                raise TypeError("bad yield %r" % (cmd,))
        return steps


loop = Loop()
log = []


def at(msg):
    log.append("%4d %s" % (loop.now, msg))


async def blinker(name, period, times):
    for i in range(times):
        at("%s %s" % (name, "on" if i % 2 == 0 else "off"))
        await Sleep(period)
    return times


async def sensor(flag):
    total = 0
    for i in range(3):
        await Sleep(250)
        total += 10 + i
        at("sensor sample %d" % total)
    flag.set(loop)
    return total


async def reporter(flag):
    at("reporter waiting")
    await flag
    at("reporter woke")
    await Sleep(5)
    return "report sent"


async def nested():
    async def inner(n):
        await Sleep(n)
        return n * 3

    a = await inner(100)
    b = await inner(50)
    return a + b


ready = Flag()
tasks = [loop.spawn(blinker("led1", 200, 5), "led1"), loop.spawn(blinker("led2", 333, 3), "led2"),
         loop.spawn(sensor(ready), "sensor"), loop.spawn(reporter(ready), "reporter"),
         loop.spawn(nested(), "nested")]
steps = loop.run()
for line in log:
    print(line)
for line in loop.trace:
    print(line)
print("steps", steps, "final time", loop.now, "all done", all(t.done for t in tasks))
print("results", [(t.id, t.result) for t in tasks])
late = Flag()
late.is_set = True


async def instant():
    await late
    return "no wait"


l2 = Loop()
t = l2.spawn(instant(), "instant")
print("instant steps", l2.run(), t.result)
