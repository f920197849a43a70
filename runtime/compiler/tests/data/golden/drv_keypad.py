# 4x4 matrix keypad scanner: row drive / column sense on simulated GPIO, ghosting
# detection, key repeat, and a text-entry layer (multi-tap like old phones).
from micropython import const

_ROWS = const(4)
_COLS = const(4)
_REPEAT_DELAY = const(5)
_REPEAT_RATE = const(2)
LAYOUT = ("123A", "456B", "789C", "*0#D")
MULTITAP = {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno", "7": "pqrs",
            "8": "tuv", "9": "wxyz", "0": " "}


class Matrix:
    """Simulated wiring: pressed keys short a row to a column."""

    def __init__(self):
        self.pressed = set()
        self.row_drive = [1] * _ROWS

    def read_cols(self):
        cols = [1] * _COLS  # pull-ups
        for r, c in self.pressed:
            if self.row_drive[r] == 0:
                cols[c] = 0
        return cols


class Keypad:
    def __init__(self, hw):
        self.hw = hw
        self.held = {}
        self.scans = 0

    def scan(self):
        self.scans += 1
        found = []
        for r in range(_ROWS):
            self.hw.row_drive = [0 if i == r else 1 for i in range(_ROWS)]
            for c, level in enumerate(self.hw.read_cols()):
                if level == 0:
                    found.append((r, c))
        self.hw.row_drive = [1] * _ROWS
        rows = {}
        for r, c in found:
            rows.setdefault(r, []).append(c)
        ghost = len(found) > 2 and any(len(cs) > 1 for cs in rows.values())
        return [LAYOUT[r][c] for r, c in found], ghost

    def events(self):
        keys, ghost = self.scan()
        if ghost:
            return ["ghost"]
        out = []
        for k in keys:
            n = self.held.get(k, 0) + 1
            self.held[k] = n
            if n == 1 or (n > _REPEAT_DELAY and (n - _REPEAT_DELAY) % _REPEAT_RATE == 0):
                out.append(k)
        for k in [k for k in self.held if k not in keys]:
            del self.held[k]
        return out


def multitap(keys):
    text = ""
    last, count = None, 0

    def commit():
        nonlocal text
        if last in MULTITAP:
            letters = MULTITAP[last]
            text += letters[(count - 1) % len(letters)]

    for k in keys + [None]:
        if k == last and k is not None and k != "#":
            count += 1
            continue
        commit()
        if k == "*":
            text = text[:-1]
            last, count = None, 0
        else:
            last, count = k, 1
    return text


hw = Matrix()
kp = Keypad(hw)
coords = {LAYOUT[r][c]: (r, c) for r in range(_ROWS) for c in range(_COLS)}
hw.pressed = {coords["5"]}
print("scan 5:", kp.scan())
hw.pressed = {coords["1"], coords["D"]}
print("scan 1+D:", kp.scan())
hw.pressed = {coords["1"], coords["2"], coords["4"]}
print("scan ghost:", kp.scan())
stream = []
timeline = [("7", 1), (None, 1), ("8", 12), (None, 2), ("1", 3)]
for key, n in timeline:
    hw.pressed = {coords[key]} if key else set()
    for _ in range(n):
        stream.extend(kp.events())
print("events with repeat:", "".join(stream))
taps = list("4433555") + ["#"] + list("555666") + ["0"] + list("9666777555") + ["3", "*", "3"]
print("multitap:", repr(multitap(taps)))
print("scans", kp.scans)
