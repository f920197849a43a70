# PCA9685-like 16-channel PWM driver: prescaler, on/off counts, servo helpers.
from micropython import const
import math

_MODE1 = const(0x00)
_PRESCALE = const(0xFE)
_LED0_ON_L = const(0x06)
_OSC_HZ = const(25_000_000)
_SLEEP = const(0x10)
_AI = const(0x20)
FULL = const(4096)


class Bus:
    def __init__(self):
        self.mem = bytearray(256)
        self.mem[_MODE1] = _SLEEP
        self.writes = 0

    def write(self, reg, data):
        self.mem[reg:reg + len(data)] = data
        self.writes += 1

    def read(self, reg, n=1):
        return self.mem[reg:reg + n]


class PCA9685:
    def __init__(self, bus):
        self.bus = bus
        self.bus.write(_MODE1, bytes([_AI]))

    def freq(self, hz=None):
        if hz is None:
            pre = self.bus.read(_PRESCALE)[0]
            return int(_OSC_HZ / 4096 / (pre + 1))
        pre = int(_OSC_HZ / 4096 / hz + 0.5) - 1
        if not 3 <= pre <= 255:
            raise ValueError("freq out of range")
        old = self.bus.read(_MODE1)[0]
        self.bus.write(_MODE1, bytes([(old & 0x7F) | _SLEEP]))
        self.bus.write(_PRESCALE, bytes([pre]))
        self.bus.write(_MODE1, bytes([old]))
        return pre

    def pwm(self, ch, on=None, off=None):
        reg = _LED0_ON_L + 4 * ch
        if on is None:
            d = self.bus.read(reg, 4)
            return d[0] | d[1] << 8, d[2] | d[3] << 8
        self.bus.write(reg, bytes([on & 0xFF, on >> 8, off & 0xFF, off >> 8]))

    def duty(self, ch, value=None, invert=False):
        if value is None:
            on, off = self.pwm(ch)
            if on == FULL:
                return 4095
            return 0 if off == FULL else off - on
        if not 0 <= value <= 4095:
            raise ValueError("duty")
        if invert:
            value = 4095 - value
        if value == 0:
            self.pwm(ch, 0, FULL)
        elif value == 4095:
            self.pwm(ch, FULL, 0)
        else:
            phase = (ch * 256) % 4096
            self.pwm(ch, phase, (phase + value) % 4096)


class Servo:
    def __init__(self, pca, ch, min_us=500, max_us=2500, degrees=180, hz=50):
        self.pca, self.ch = pca, ch
        self.min_us, self.max_us, self.range = min_us, max_us, degrees
        self.period_us = 1_000_000 / hz

    def us(self, width):
        count = int(width * 4096 / self.period_us)
        self.pca.pwm(self.ch, 0, count)
        return count

    def angle(self, deg):
        deg = min(max(deg, 0), self.range)
        return self.us(self.min_us + (self.max_us - self.min_us) * deg / self.range)


bus = Bus()
pwm = PCA9685(bus)
for hz in (50, 200, 1000, 1526):
    pre = pwm.freq(hz)
    print("freq %4d Hz -> prescale %3d -> actual %d Hz" % (hz, pre, pwm.freq()))
try:
    pwm.freq(5)
except ValueError as e:
    print("ValueError:", e)
for ch, v in enumerate((0, 1, 2048, 4000, 4095)):
    pwm.duty(ch, v)
    print("ch%d duty %4d regs %s readback %d" % (ch, v, pwm.pwm(ch), pwm.duty(ch)))
pwm.duty(6, 1000, invert=True)
print("inverted", pwm.duty(6))
pwm.freq(50)
servo = Servo(pwm, 15)
for deg in (-20, 0, 45, 90, 135, 180, 200):
    print("servo %4d deg -> count %d" % (deg, servo.angle(deg)))
breathe = []
for step in range(12):
    level = (math.sin(step * math.pi / 6) + 1) / 2
    v = int(level * level * 4095)
    pwm.duty(7, v)
    breathe.append(pwm.duty(7))
print("breathe", breathe)
print("mode1 0x%02x writes %d" % (bus.read(_MODE1)[0], bus.writes))
