# ADS1115-like 16-bit ADC: config register bit fields, PGA scaling, single-shot conversions
# on a simulated chip that answers from a table of input voltages.
from micropython import const
import struct

_REG_CONV = const(0)
_REG_CONFIG = const(1)
_OS_SINGLE = const(0x8000)
_MUX_SHIFT = const(12)
_PGA_SHIFT = const(9)
_MODE_SINGLE = const(0x0100)
_DR_SHIFT = const(5)
_COMP_DISABLE = const(0x0003)
GAIN_TWOTHIRDS = const(0)
GAIN_ONE = const(1)
GAIN_TWO = const(2)
GAIN_FOUR = const(3)
GAIN_EIGHT = const(4)
GAIN_SIXTEEN = const(5)
FSR = (6.144, 4.096, 2.048, 1.024, 0.512, 0.256)
RATES = (8, 16, 32, 64, 128, 250, 475, 860)
MUX_SINGLE = {0: 4, 1: 5, 2: 6, 3: 7}
MUX_DIFF = {(0, 1): 0, (0, 3): 1, (1, 3): 2, (2, 3): 3}


class SimADS:
    def __init__(self, volts):
        self.volts = volts
        self.regs = {_REG_CONV: 0, _REG_CONFIG: 0x8583}

    def write_reg(self, reg, value):
        self.regs[reg] = value
        if reg == _REG_CONFIG and value & _OS_SINGLE:
            self._convert(value)

    def read_reg(self, reg):
        return struct.pack(">H", self.regs[reg])

    def _convert(self, cfg):
        mux = (cfg >> _MUX_SHIFT) & 7
        fsr = FSR[(cfg >> _PGA_SHIFT) & 7]
        if mux >= 4:
            v = self.volts[mux - 4]
        else:
            a, b = [k for k, m in MUX_DIFF.items() if m == mux][0]
            v = self.volts[a] - self.volts[b]
        code = int(v / fsr * 32768)
        code = max(-32768, min(32767, code))
        self.regs[_REG_CONV] = code & 0xFFFF


class ADS1115:
    def __init__(self, chip, gain=GAIN_ONE, rate=4):
        self.chip = chip
        self.gain = gain
        self.rate = rate
        self.conversions = 0

    def _config(self, mux):
        return (_OS_SINGLE | (mux << _MUX_SHIFT) | (self.gain << _PGA_SHIFT) |
                _MODE_SINGLE | (self.rate << _DR_SHIFT) | _COMP_DISABLE)

    def read_raw(self, mux):
        self.chip.write_reg(_REG_CONFIG, self._config(mux))
        self.conversions += 1
        return struct.unpack(">h", self.chip.read_reg(_REG_CONV))[0]

    def read(self, channel):
        return self.read_raw(MUX_SINGLE[channel])

    def diff(self, a, b):
        return self.read_raw(MUX_DIFF[(a, b)])

    def to_volts(self, raw):
        return raw * FSR[self.gain] / 32768

    def autorange(self, channel):
        for g in range(GAIN_SIXTEEN, GAIN_TWOTHIRDS - 1, -1):
            self.gain = g
            raw = self.read(channel)
            if -32000 < raw < 32000:
                return g, raw
        return self.gain, raw


chip = SimADS([1.5, 0.2, 3.3, -0.05])
adc = ADS1115(chip)
print("config ch0 0x%04x" % adc._config(MUX_SINGLE[0]))
for ch in range(4):
    raw = adc.read(ch)
    print("ch%d raw %6d  %.4f V" % (ch, raw, adc.to_volts(raw)))
for pair in sorted(MUX_DIFF):
    raw = adc.diff(*pair)
    print("diff %s raw %6d  %+.4f V" % (pair, raw, adc.to_volts(raw)))
for ch in range(4):
    g, raw = adc.autorange(ch)
    print("autorange ch%d -> gain %d (+-%.3f V) raw %d = %.5f V" % (ch, g, FSR[g], raw, adc.to_volts(raw)))
adc.gain = GAIN_TWOTHIRDS
samples = []
for step in range(8):
    chip.volts[0] = 0.5 + step * 0.4
    samples.append(adc.to_volts(adc.read(0)))
print("ramp", ["%.3f" % s for s in samples])
avg = sum(samples) / len(samples)
print("avg %.4f min %.3f max %.3f" % (avg, min(samples), max(samples)))
print("rate table", sorted({r: RATES[r] for r in range(0, 8, 2)}.items()))
print("conversions", adc.conversions)


def thermistor_c(v, vref=3.3, r_fixed=10000.0, beta=3950.0, r0=10000.0, t0=298.15):
    import math
    r = r_fixed * v / (vref - v)
    inv_t = 1.0 / t0 + math.log(r / r0) / beta
    return 1.0 / inv_t - 273.15


adc.gain = GAIN_ONE
for v in (0.8, 1.2, 1.65, 2.1, 2.5):
    chip.volts[1] = v
    measured = adc.to_volts(adc.read(1))
    print("ntc %.2f V -> %.2f C" % (measured, thermistor_c(measured)))
