# Morse code: encoder to timed on/off keying, and a decoder state machine that classifies
# mark/space durations (with jitter) back into text. Uses a binary tree lookup table.
from micropython import const

_UNIT = const(3)  # ticks per dot
CODE = {
    "A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.",
    "H": "....", "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.",
    "O": "---", "P": ".--.", "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-",
    "V": "...-", "W": ".--", "X": "-..-", "Y": "-.--", "Z": "--..", "0": "-----",
    "1": ".----", "2": "..---", "3": "...--", "4": "....-", "5": ".....", "6": "-....",
    "7": "--...", "8": "---..", "9": "----.",
}


def build_tree():
    tree = ["?"] * 64
    for ch, code in CODE.items():
        idx = 1
        for sym in code:
            idx = idx * 2 + (1 if sym == "-" else 0)
        tree[idx] = ch
    return tree


TREE = build_tree()


def lookup(code):
    idx = 1
    for sym in code:
        idx = idx * 2 + (1 if sym == "-" else 0)
    return TREE[idx] if idx < len(TREE) else "?"


def key(text):
    """Produce (level, ticks) runs."""
    runs = []
    for wi, word in enumerate(text.upper().split()):
        if wi:
            runs.append((0, 7 * _UNIT))
        for ci, ch in enumerate(word):
            if ci:
                runs.append((0, 3 * _UNIT))
            for si, sym in enumerate(CODE[ch]):
                if si:
                    runs.append((0, _UNIT))
                runs.append((1, _UNIT if sym == "." else 3 * _UNIT))
    return runs


class Decoder:
    def __init__(self, unit):
        self.unit = unit
        self.symbol = ""
        self.text = ""

    def feed(self, level, ticks):
        units = ticks / self.unit
        if level:
            self.symbol += "." if units < 2 else "-"
        else:
            if units >= 5:
                self._flush()
                self.text += " "
            elif units >= 2:
                self._flush()

    def _flush(self):
        if self.symbol:
            self.text += lookup(self.symbol)
            self.symbol = ""

    def finish(self):
        self._flush()
        return self.text


for word in ("SOS", "PICO 2040"):
    runs = key(word)
    print(word, "->", " ".join(CODE[c] for c in word.replace(" ", "")), "runs", len(runs),
          "ticks", sum(t for _, t in runs))
msg = "HELLO WORLD 73"
runs = key(msg)
wave = "".join(("#" if lvl else "_") * (t // _UNIT) for lvl, t in runs[:30])
print("wave", wave)
d = Decoder(_UNIT)
for lvl, t in runs:
    d.feed(lvl, t)
print("decoded clean:", d.finish())
jitter = [(lvl, max(1, t + ((i * 5) % 3) - 1)) for i, (lvl, t) in enumerate(runs)]
d2 = Decoder(_UNIT)
for lvl, t in jitter:
    d2.feed(lvl, t)
print("decoded jittery:", d2.finish())
print("lookups", [lookup(c) for c in ("...---...", ".-.-", "-----", "")])
lengths = sorted(CODE.items(), key=lambda kv: (len(kv[1]), kv[0]))
print("shortest", [k for k, v in lengths[:4]], "longest", [k for k, v in lengths[-3:]])
