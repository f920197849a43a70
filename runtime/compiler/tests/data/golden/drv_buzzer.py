# Piezo buzzer driver playing RTTTL ringtones: parser for the RTTTL format, note to
# frequency conversion, PWM duty/period computation for a simulated timer.
from micropython import const

_CPU_HZ = const(125_000_000)
NOTES = {"c": -9, "d": -7, "e": -5, "f": -4, "g": -2, "a": 0, "b": 2, "p": None}


class RTTTLError(ValueError):
    pass


def parse(text):
    try:
        name, defaults, notes = text.split(":")
    except ValueError:
        raise RTTTLError("need three sections")
    cfg = {"d": 4, "o": 6, "b": 63}
    for item in defaults.split(","):
        k, v = item.strip().split("=")
        cfg[k] = int(v)
    whole_ms = 60000 * 4 // cfg["b"]
    out = []
    for tok in notes.split(","):
        tok = tok.strip().lower()
        i = 0
        while i < len(tok) and tok[i].isdigit():
            i += 1
        dur = int(tok[:i]) if i else cfg["d"]
        if tok[i] not in NOTES:
            raise RTTTLError("bad note %r" % tok)
        note = tok[i]
        i += 1
        sharp = i < len(tok) and tok[i] == "#"
        i += sharp
        dotted = "." in tok[i:]
        octave = int(tok[i:].replace(".", "") or cfg["o"])
        ms = whole_ms // dur
        if dotted:
            ms += ms // 2
        if NOTES[note] is None:
            out.append((0, ms))
        else:
            semis = NOTES[note] + sharp + (octave - 4) * 12
            out.append((round(440 * 2 ** (semis / 12)), ms))
    return name, cfg, out


def pwm_setup(freq, duty_pct=50):
    if freq == 0:
        return 0, 0, 0
    div = 1
    while _CPU_HZ // (freq * div) > 65535:
        div += 1
    top = _CPU_HZ // (freq * div) - 1
    return div, top, (top + 1) * duty_pct // 100


songs = [
    "Beep:d=8,o=5,b=120:c6,p,c6",
    "Scale:d=16,o=4,b=180:c,d,e,f,g,a,b,c5",
    "Tune:d=4,o=5,b=100:8e6,8d#6,8e6,8d#6,8e6,8b,8d6,8c6,a.,p,16c,16e,16a,2b",
]
for s in songs:
    name, cfg, notes = parse(s)
    total = sum(ms for _, ms in notes)
    print("%-6s d=%d o=%d b=%d notes=%d length=%d ms" % (name, cfg["d"], cfg["o"], cfg["b"], len(notes), total))
    print("   ", notes[:8])
for f in (440, 1047, 50, 20000, 0):
    print("pwm %5d Hz -> div=%d top=%d level=%d" % ((f,) + pwm_setup(f)))
for bad in ("nocolons", "X:d=4:z", "Y:d=4,o=5:4h"):
    try:
        parse(bad)
    except RTTTLError as e:
        print("RTTTLError:", e)
