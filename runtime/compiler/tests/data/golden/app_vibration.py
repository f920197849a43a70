# Vibration monitor: accelerometer samples stored in array('h'), RMS/peak/crest factor,
# a Goertzel filter for a few target frequencies, and packed struct alarms.
import array
import math
import struct
from micropython import const

_FS = const(800)       # Hz
_N = const(200)
_SCALE = const(4096)   # counts per g


def synth(freqs, noise=0.05):
    buf = array.array("h", bytes(2 * _N))
    for i in range(_N):
        t = i / _FS
        v = sum(a * math.sin(2 * math.pi * f * t + ph) for f, a, ph in freqs)
        v += noise * (((i * 7919) % 200) / 100 - 1)
        buf[i] = int(v * _SCALE)
    return buf


def rms(buf):
    return math.sqrt(sum(x * x for x in buf) / len(buf)) / _SCALE


def peak(buf):
    return max(abs(x) for x in buf) / _SCALE


def goertzel(buf, freq):
    k = round(len(buf) * freq / _FS)
    w = 2 * math.pi * k / len(buf)
    coeff = 2 * math.cos(w)
    s1 = s2 = 0.0
    for x in buf:
        s0 = x / _SCALE + coeff * s1 - s2
        s2, s1 = s1, s0
    power = s1 * s1 + s2 * s2 - coeff * s1 * s2
    return 2 * math.sqrt(max(power, 0)) / len(buf)


ALARM = "<BBHhh"


def check(name, buf, limit_rms):
    r, p = rms(buf), peak(buf)
    crest = p / r if r else 0
    bins = {f: goertzel(buf, f) for f in (50, 100, 120, 200)}
    dominant = max(bins, key=lambda f: bins[f])
    level = 2 if r > limit_rms * 2 else 1 if r > limit_rms else 0
    frame = struct.pack(ALARM, level, len(name), dominant, int(r * 1000), int(crest * 100))
    print("%-10s rms=%.3fg peak=%.3fg crest=%.2f dominant=%dHz level=%d" % (name, r, p, crest, dominant, level))
    print("           bins", " ".join("%d:%.3f" % (f, bins[f]) for f in sorted(bins)))
    return frame


machines = [
    ("fan", [(50, 0.2, 0.0)]),
    ("pump", [(100, 0.6, 0.3), (200, 0.2, 1.0)]),
    ("bearing", [(120, 1.1, 0.5), (50, 0.3, 0.0), (200, 0.4, 2.0)]),
    ("idle", []),
]
frames = []
for name, freqs in machines:
    buf = synth(freqs)
    frames.append(check(name, buf, 0.3))
print("alarm frames", [f.hex() for f in frames])
levels = [struct.unpack(ALARM, f)[0] for f in frames]
print("levels", levels, "worst", machines[levels.index(max(levels))][0])
raw = synth([(100, 0.5, 0.0)])
print("array bytes", len(bytes(raw)), "itemsize", struct.calcsize("h"), "first", list(raw[:5]))
