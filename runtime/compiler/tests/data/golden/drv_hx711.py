# HX711 load-cell ADC: 24-bit two's complement bit-banged read with gain pulses,
# tare, two-point calibration, median/moving-average filtering and overload detection.
from micropython import const

_GAIN_PULSES = {128: 1, 32: 2, 64: 3}
_MAX = const(0x7FFFFF)
_MIN = const(-0x800000)


class SimHX711:
    def __init__(self, readings):
        self.readings = readings
        self.i = 0
        self.bits = []
        self.pulses = 0

    def start(self):
        v = self.readings[self.i % len(self.readings)]
        self.i += 1
        self.bits = [(v & 0xFFFFFF) >> (23 - k) & 1 for k in range(24)]

    def clock(self):
        self.pulses += 1
        return self.bits.pop(0) if self.bits else 0


class HX711:
    def __init__(self, hw, gain=128):
        self.hw = hw
        self.gain = gain
        self.offset = 0
        self.scale = 1.0

    def read_raw(self):
        self.hw.start()
        v = 0
        for _ in range(24):
            v = (v << 1) | self.hw.clock()
        for _ in range(_GAIN_PULSES[self.gain]):
            self.hw.clock()
        if v & 0x800000:
            v -= 0x1000000
        return v

    def read_median(self, n=5):
        vals = sorted(self.read_raw() for _ in range(n))
        return vals[n // 2]

    def tare(self, n=5):
        self.offset = self.read_median(n)
        return self.offset

    def calibrate(self, known_grams, n=5):
        raw = self.read_median(n) - self.offset
        self.scale = raw / known_grams
        return self.scale

    def grams(self, n=5):
        raw = self.read_median(n)
        if raw in (_MAX, _MIN):
            raise OverflowError("load cell saturated")
        return (raw - self.offset) / self.scale


empty = [84210, 84190, 99999, 84205, 84200]
with_500g = [v + 211500 for v in (84210, 84190, 84205, 84200, 84195)]
hw = SimHX711(empty)
cell = HX711(hw)
print("raw samples", [cell.read_raw() for _ in range(5)], "pulses", hw.pulses)
print("tare", cell.tare())
hw.readings = with_500g
print("scale %.3f counts/g" % cell.calibrate(500))
for grams in (0, 125, 250, 1000, 2345):
    hw.readings = [84200 + int(grams * cell.scale) + d for d in (-30, 10, 0, 25, -5)]
    print("load %5d g -> %8.2f g" % (grams, cell.grams()))
hw.readings = [-5000, -5010, -4990]
print("negative raw", cell.read_raw())
hw.readings = [_MAX]
try:
    cell.grams(3)
except OverflowError as e:
    print("OverflowError:", e)
for gain in (128, 64, 32):
    hw2 = SimHX711([1])
    HX711(hw2, gain).read_raw()
    print("gain", gain, "clock pulses", hw2.pulses)
