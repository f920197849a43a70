# INA219-like current/power monitor: calibration register math, bus/shunt voltage decoding,
# overflow flag, and an energy accumulator.
from micropython import const
import struct

_REG_CONFIG = const(0x00)
_REG_SHUNT = const(0x01)
_REG_BUS = const(0x02)
_REG_POWER = const(0x03)
_REG_CURRENT = const(0x04)
_REG_CALIB = const(0x05)
_CNVR = const(0x02)
_OVF = const(0x01)


class SimINA:
    def __init__(self, r_shunt):
        self.r_shunt = r_shunt
        self.regs = [0x399F, 0, 0, 0, 0, 0]
        self.load_amps = 0.0
        self.bus_volts = 0.0

    def set_load(self, volts, amps):
        self.bus_volts = volts
        self.load_amps = amps
        shunt_uv = amps * self.r_shunt * 1e6
        self.regs[_REG_SHUNT] = int(shunt_uv / 10) & 0xFFFF
        bus = int(volts / 0.004)
        ovf = 1 if bus > 8000 else 0
        self.regs[_REG_BUS] = ((bus & 0x1FFF) << 3) | _CNVR | ovf
        cal = self.regs[_REG_CALIB]
        if cal:
            cur = (struct.unpack(">h", struct.pack(">H", self.regs[_REG_SHUNT]))[0] * cal) // 4096
            self.regs[_REG_CURRENT] = cur & 0xFFFF
            self.regs[_REG_POWER] = abs(cur * (bus & 0x1FFF)) // 5000 & 0xFFFF

    def read(self, reg):
        return struct.pack(">H", self.regs[reg])

    def write(self, reg, value):
        self.regs[reg] = value & 0xFFFF


class INA219:
    def __init__(self, chip, r_shunt=0.1, max_amps=3.2):
        self.chip = chip
        self.current_lsb = max_amps / 32768
        self.cal = int(0.04096 / (self.current_lsb * r_shunt))
        self.power_lsb = 20 * self.current_lsb
        chip.write(_REG_CALIB, self.cal)

    def _u16(self, reg):
        return struct.unpack(">H", self.chip.read(reg))[0]

    def _s16(self, reg):
        return struct.unpack(">h", self.chip.read(reg))[0]

    def shunt_mv(self):
        return self._s16(_REG_SHUNT) * 0.01

    def bus_v(self):
        raw = self._u16(_REG_BUS)
        if raw & _OVF:
            raise OverflowError("math overflow")
        return (raw >> 3) * 0.004

    def current_ma(self):
        return self._s16(_REG_CURRENT) * self.current_lsb * 1000

    def power_mw(self):
        return self._u16(_REG_POWER) * self.power_lsb * 1000

    def ready(self):
        return bool(self._u16(_REG_BUS) & _CNVR)


class EnergyMeter:
    def __init__(self, sensor):
        self.sensor = sensor
        self.mwh = 0.0
        self.peak = 0.0
        self.samples = 0

    def sample(self, dt_s):
        p = self.sensor.power_mw()
        self.peak = max(self.peak, p)
        self.mwh += p * dt_s / 3600
        self.samples += 1
        return p


chip = SimINA(0.1)
ina = INA219(chip)
print("cal", ina.cal, "current_lsb %.3e" % ina.current_lsb, "power_lsb %.3e" % ina.power_lsb)
loads = [(5.0, 0.0), (5.0, 0.25), (4.98, 0.5), (12.0, 1.2), (3.3, -0.1), (24.0, 2.0)]
for v, a in loads:
    chip.set_load(v, a)
    print("set %5.2fV %5.2fA -> bus %.3fV shunt %.2fmV I %.1fmA P %.1fmW ready=%s" % (
        v, a, ina.bus_v(), ina.shunt_mv(), ina.current_ma(), ina.power_mw(), ina.ready()))
chip.set_load(40.0, 0.1)
try:
    ina.bus_v()
except OverflowError as e:
    print("overflow:", e)
meter = EnergyMeter(ina)
profile = [0.05] * 5 + [0.8] * 3 + [0.3] * 4 + [1.5, 1.5] + [0.05] * 2
for i, amps in enumerate(profile):
    chip.set_load(5.0, amps)
    p = meter.sample(60)
    if i % 4 == 0:
        print("t=%3dmin P=%7.1fmW" % (i, p))
print("energy %.3f mWh peak %.1f mW over %d samples" % (meter.mwh, meter.peak, meter.samples))
print("regs", ["0x%04x" % r for r in chip.regs])
