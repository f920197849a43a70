# Periodic job scheduler driven by generator-based coroutines and a virtual clock,
# with `yield from` sub-jobs, job priorities, missed-deadline accounting and a
# decorator registering jobs with arguments.
from micropython import const

_TICK_MS = const(10)
_HORIZON = const(1000)
JOBS = []


def every(period_ms, priority=5, offset=0):
    def register(fn):
        JOBS.append({"name": fn.__name__, "fn": fn, "period": period_ms, "prio": priority,
                     "next": offset, "runs": 0, "late": 0})
        return fn
    return register


def wait(ticks):
    for _ in range(ticks):
        yield "wait"


def read_sensor(name, cost):
    yield from wait(cost)
    return len(name) * 3


@every(100, priority=1)
def fast_poll(now, out):
    out.append("%4d poll" % now)
    yield


@every(250, priority=3, offset=20)
def sample(now, out):
    a = yield from read_sensor("temp", 2)
    b = yield from read_sensor("humidity", 1)
    out.append("%4d sample a=%d b=%d" % (now, a, b))


@every(400, priority=2)
def report(now, out):
    yield from wait(5)
    out.append("%4d report" % now)


@every(330)
def housekeeping(now, out):
    total = 0
    for i in range(3):
        total += i
        yield
    out.append("%4d gc %d" % (now, total))


def simulate():
    out = []
    running = []  # (prio, seq, job, gen, started)
    seq = 0
    now = 0
    busy_ticks = 0
    while now <= _HORIZON:
        for job in JOBS:
            if now >= job["next"]:
                if any(r[2] is job for r in running):
                    job["late"] += 1
                else:
                    seq += 1
                    running.append((job["prio"], seq, job, job["fn"](now, out), now))
                    job["runs"] += 1
                job["next"] += job["period"]
        if running:
            running.sort(key=lambda r: (r[0], r[1]))
            prio, s, job, gen, started = running[0]
            busy_ticks += 1
            try:
                next(gen)
            except StopIteration:
                running.pop(0)
        now += _TICK_MS
    return out, busy_ticks


out, busy = simulate()
for line in out:
    print(line)
print("busy ticks", busy, "utilisation %.1f%%" % (100 * busy / (_HORIZON // _TICK_MS + 1)))
for job in sorted(JOBS, key=lambda j: j["prio"]):
    print("%-13s period=%4d prio=%d runs=%d late=%d" % (job["name"], job["period"], job["prio"], job["runs"], job["late"]))
