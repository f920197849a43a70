# Door lock controlled by a keypad: PIN entry with masking, lockout after failed
# attempts, admin mode for changing the PIN, auto-relock timer (simulated ticks).
from micropython import const

_MAX_TRIES = const(3)
_LOCKOUT_TICKS = const(10)
_RELOCK_TICKS = const(5)
_PIN_LEN = const(4)


class Lock:
    def __init__(self, pin="1234", admin="9999"):
        self._pin = pin
        self._admin = admin
        self.state = "locked"
        self.entry = ""
        self.failures = 0
        self.timer = 0
        self.events = []
        self.pending = None

    @property
    def display(self):
        if self.state == "lockout":
            return "WAIT %02d" % self.timer
        if self.state == "unlocked":
            return "OPEN"
        prefix = {"locked": "PIN", "admin": "NEW", "confirm": "AGAIN"}[self.state]
        return "%s %s" % (prefix, "*" * len(self.entry))

    def _emit(self, what):
        self.events.append(what)

    def key(self, k):
        if self.state == "lockout":
            self._emit("ignored " + k)
            return
        if k == "*":
            self.entry = ""
            return
        if k == "#":
            self._submit()
            return
        if self.state == "unlocked":
            if k == "0":
                self.state = "locked"
                self._emit("locked manually")
            return
        if len(self.entry) < 8:
            self.entry += k

    def _submit(self):
        code, self.entry = self.entry, ""
        if self.state == "locked":
            if code == self._pin:
                self.state, self.timer, self.failures = "unlocked", _RELOCK_TICKS, 0
                self._emit("unlocked")
            elif code == self._admin:
                self.state = "admin"
                self._emit("admin mode")
            else:
                self.failures += 1
                self._emit("bad pin (%d)" % self.failures)
                if self.failures >= _MAX_TRIES:
                    self.state, self.timer = "lockout", _LOCKOUT_TICKS
                    self._emit("lockout")
        elif self.state == "admin":
            if len(code) != _PIN_LEN or not code.isdigit():
                self._emit("pin must be %d digits" % _PIN_LEN)
            else:
                self.pending, self.state = code, "confirm"
        elif self.state == "confirm":
            if code == self.pending:
                self._pin = code
                self._emit("pin changed")
            else:
                self._emit("mismatch")
            self.state, self.pending = "locked", None

    def tick(self):
        if self.timer:
            self.timer -= 1
            if self.timer == 0:
                if self.state == "lockout":
                    self.failures = 0
                    self._emit("lockout over")
                elif self.state == "unlocked":
                    self._emit("auto relock")
                self.state = "locked"


def type_keys(lock, keys, ticks_between=0):
    for k in keys:
        lock.key(k)
        for _ in range(ticks_between):
            lock.tick()


lock = Lock()
type_keys(lock, "12")
print("display:", lock.display)
type_keys(lock, "34#")
print("display:", lock.display)
for _ in range(6):
    lock.tick()
print("after ticks:", lock.display)
for attempt in ("1111#", "2222#", "3333#"):
    type_keys(lock, attempt)
print("display:", lock.display)
type_keys(lock, "1234#")
for _ in range(4):
    lock.tick()
print("display:", lock.display)
for _ in range(7):
    lock.tick()
type_keys(lock, "1234#")
print("display:", lock.display)
type_keys(lock, "0")
type_keys(lock, "9999#" "12#" "4321#" "4322#")
type_keys(lock, "9999#" "4321#" "4321#")
type_keys(lock, "1234#" "4321#")
print("display:", lock.display)
type_keys(lock, "55*4321#")
print("events:")
for e in lock.events:
    print("  ", e)
