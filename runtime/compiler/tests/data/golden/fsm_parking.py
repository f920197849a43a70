# Car park barrier: ticket issue, payment with grace period, exit validation, barrier
# motor states with obstacle sensor, and capacity tracking. Time is in simulated minutes.
from micropython import const

_CAPACITY = const(3)
_GRACE = const(15)
_RATE_PER_HOUR = const(250)  # cents


class Barrier:
    def __init__(self):
        self.state = "closed"
        self.cycles = 0

    def open(self):
        if self.state in ("closed", "closing"):
            self.state = "open"
            self.cycles += 1

    def close(self, obstacle=False):
        if self.state == "open":
            self.state = "open" if obstacle else "closed"
        return self.state


class CarPark:
    def __init__(self):
        self.tickets = {}
        self.next_id = 100
        self.entry_gate = Barrier()
        self.exit_gate = Barrier()
        self.revenue = 0
        self.events = []

    @property
    def free(self):
        return _CAPACITY - len(self.tickets)

    def enter(self, now):
        if self.free <= 0:
            self.events.append("%4d FULL - entry refused" % now)
            return None
        tid = self.next_id
        self.next_id += 1
        self.tickets[tid] = {"in": now, "paid_at": None}
        self.entry_gate.open()
        self.entry_gate.close()
        self.events.append("%4d ticket %d issued, free %d" % (now, tid, self.free))
        return tid

    @staticmethod
    def fee(minutes):
        if minutes <= _GRACE:
            return 0
        hours = (minutes + 59) // 60
        return min(hours * _RATE_PER_HOUR, 1500)

    def pay(self, tid, now):
        t = self.tickets[tid]
        amount = self.fee(now - t["in"])
        t["paid_at"] = now
        self.revenue += amount
        self.events.append("%4d ticket %d paid %d.%02d" % ((now, tid) + divmod(amount, 100)))
        return amount

    def leave(self, tid, now, obstacle_minutes=0):
        t = self.tickets.get(tid)
        if t is None:
            self.events.append("%4d ticket %s unknown" % (now, tid))
            return False
        ok = (t["paid_at"] is not None and now - t["paid_at"] <= _GRACE) or self.fee(now - t["in"]) == 0
        if not ok:
            self.events.append("%4d ticket %d must pay" % (now, tid))
            return False
        self.exit_gate.open()
        for _ in range(obstacle_minutes):
            self.exit_gate.close(obstacle=True)
        self.exit_gate.close()
        del self.tickets[tid]
        self.events.append("%4d ticket %d exit, free %d" % (now, tid, self.free))
        return True


park = CarPark()
a = park.enter(0)
b = park.enter(5)
c = park.enter(7)
park.enter(8)
park.leave(b, 12)
d = park.enter(20)
park.leave(a, 95)
park.pay(a, 96)
park.leave(a, 100, obstacle_minutes=2)
park.pay(c, 300)
park.leave(c, 330)
park.pay(c, 331)
park.leave(c, 335)
park.leave(999, 340)
park.pay(d, 2000)
park.leave(d, 2001)
for e in park.events:
    print(e)
print("revenue %d.%02d" % divmod(park.revenue, 100), "gate cycles", park.entry_gate.cycles, park.exit_gate.cycles)
print("fees", [(m, CarPark.fee(m)) for m in (0, 15, 16, 60, 61, 180, 10000)])
