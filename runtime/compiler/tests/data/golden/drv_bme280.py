# BME280-like environmental sensor driver against a simulated I2C bus.
# Integer compensation formulas in the style of the Bosch datasheet.
from micropython import const
import struct

_REG_ID = const(0xD0)
_REG_RESET = const(0xE0)
_REG_CTRL_HUM = const(0xF2)
_REG_STATUS = const(0xF3)
_REG_CTRL_MEAS = const(0xF4)
_REG_CONFIG = const(0xF5)
_REG_DATA = const(0xF7)
_REG_CALIB00 = const(0x88)
CHIP_ID = const(0x60)
OVERSAMPLE_X1 = const(1)
OVERSAMPLE_X4 = const(3)
MODE_FORCED = const(1)
_CTRL_DEFAULT = const((OVERSAMPLE_X4 << 5) | (OVERSAMPLE_X4 << 2) | MODE_FORCED)


class FakeI2C:
    """A register map keyed by device address."""

    def __init__(self):
        self.devices = {}
        self.log = []

    def add(self, addr, regs):
        self.devices[addr] = regs

    def writeto_mem(self, addr, reg, data):
        regs = self.devices[addr]
        for i, b in enumerate(data):
            regs[reg + i] = b
        self.log.append(("W", addr, reg, len(data)))

    def readfrom_mem(self, addr, reg, n):
        regs = self.devices.get(addr)
        if regs is None:
            raise OSError(19)
        self.log.append(("R", addr, reg, n))
        return bytes(regs[reg + i] for i in range(n))


def make_chip():
    regs = bytearray(256)
    regs[_REG_ID] = CHIP_ID
    calib = struct.pack("<HhhHhhhhhhhh", 27504, 26435, -1000,
                        36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000)
    regs[_REG_CALIB00:_REG_CALIB00 + len(calib)] = calib
    # raw pressure 0x65 0x5A 0xC0, raw temperature 0x7E 0xED 0x00, humidity 0x6F 0x00
    regs[_REG_DATA:_REG_DATA + 8] = bytes([0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00, 0x6F, 0x00])
    regs[0xA1] = 75
    regs[0xE1:0xE8] = bytes([0x6A, 0x01, 0x00, 0x13, 0x2A, 0x03, 0x1E])
    return regs


class BME280:
    def __init__(self, i2c, addr=0x76):
        self.i2c = i2c
        self.addr = addr
        chip = self._read(_REG_ID, 1)[0]
        if chip != CHIP_ID:
            raise ValueError("bad chip id 0x%02x" % chip)
        self._load_calibration()
        self.t_fine = 0

    def _read(self, reg, n):
        return self.i2c.readfrom_mem(self.addr, reg, n)

    def _write(self, reg, value):
        self.i2c.writeto_mem(self.addr, reg, bytes([value]))

    def _load_calibration(self):
        raw = self._read(_REG_CALIB00, 24)
        (self.dig_T1, self.dig_T2, self.dig_T3, self.dig_P1, self.dig_P2, self.dig_P3,
         self.dig_P4, self.dig_P5, self.dig_P6, self.dig_P7, self.dig_P8,
         self.dig_P9) = struct.unpack("<HhhHhhhhhhhh", raw)
        self.dig_H1 = self._read(0xA1, 1)[0]
        h = self._read(0xE1, 7)
        self.dig_H2 = struct.unpack("<h", h[0:2])[0]
        self.dig_H3 = h[2]
        self.dig_H4 = (h[3] << 4) | (h[4] & 0x0F)
        self.dig_H5 = (h[5] << 4) | (h[4] >> 4)
        self.dig_H6 = h[6] - 256 if h[6] > 127 else h[6]

    def configure(self, hum_os=OVERSAMPLE_X1):
        self._write(_REG_CTRL_HUM, hum_os)
        self._write(_REG_CTRL_MEAS, _CTRL_DEFAULT)

    def raw(self):
        d = self._read(_REG_DATA, 8)
        adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        adc_h = (d[6] << 8) | d[7]
        return adc_t, adc_p, adc_h

    def compensate_t(self, adc_t):
        var1 = (((adc_t >> 3) - (self.dig_T1 << 1)) * self.dig_T2) >> 11
        var2 = (((((adc_t >> 4) - self.dig_T1) * ((adc_t >> 4) - self.dig_T1)) >> 12)
                * self.dig_T3) >> 14
        self.t_fine = var1 + var2
        return (self.t_fine * 5 + 128) >> 8

    def compensate_p(self, adc_p):
        var1 = self.t_fine - 128000
        var2 = var1 * var1 * self.dig_P6
        var2 = var2 + ((var1 * self.dig_P5) << 17)
        var2 = var2 + (self.dig_P4 << 35)
        var1 = ((var1 * var1 * self.dig_P3) >> 8) + ((var1 * self.dig_P2) << 12)
        var1 = (((1 << 47) + var1) * self.dig_P1) >> 33
        if var1 == 0:
            return 0
        p = 1048576 - adc_p
        p = (((p << 31) - var2) * 3125) // var1
        var1 = (self.dig_P9 * (p >> 13) * (p >> 13)) >> 25
        var2 = (self.dig_P8 * p) >> 19
        return ((p + var1 + var2) >> 8) + (self.dig_P7 << 4)

    def compensate_h(self, adc_h):
        h = self.t_fine - 76800.0
        h = (adc_h - (self.dig_H4 * 64.0 + self.dig_H5 / 16384.0 * h)) * (
            self.dig_H2 / 65536.0 * (1.0 + self.dig_H6 / 67108864.0 * h *
                                     (1.0 + self.dig_H3 / 67108864.0 * h)))
        h = h * (1.0 - self.dig_H1 * h / 524288.0)
        return max(0.0, min(100.0, h))

    @property
    def values(self):
        adc_t, adc_p, adc_h = self.raw()
        t = self.compensate_t(adc_t)
        p = self.compensate_p(adc_p)
        h = self.compensate_h(adc_h)
        return t / 100, p / 256, h


bus = FakeI2C()
bus.add(0x76, make_chip())
sensor = BME280(bus)
sensor.configure()
print("T1..T3", sensor.dig_T1, sensor.dig_T2, sensor.dig_T3)
print("P1..P9", [getattr(sensor, "dig_P%d" % i) for i in range(1, 10)])
print("H1..H6", sensor.dig_H1, sensor.dig_H2, sensor.dig_H3, sensor.dig_H4, sensor.dig_H5, sensor.dig_H6)
adc = sensor.raw()
print("raw", adc)
print("t_int", sensor.compensate_t(adc[0]), "t_fine", sensor.t_fine)
print("p_int", sensor.compensate_p(adc[1]))
t, p, h = sensor.values
print("T=%.2f C  P=%.2f Pa  H=%.3f %%" % (t, p, h))
print("hPa {:.3f}".format(p / 100))
regs = bus.devices[0x76]
for step in range(4):
    regs[_REG_DATA + 3] = 0x7E + step
    t, p, h = sensor.values
    print("step", step, "T=%.2f" % t, "P=%.1f" % p)
try:
    BME280(bus, addr=0x77)
except OSError as e:
    print("no device:", e.args[0])
regs[_REG_ID] = 0x58
try:
    BME280(bus)
except ValueError as e:
    print("error:", e)
print("ops", len(bus.log), "writes", sum(1 for op in bus.log if op[0] == "W"))
print("ctrl_meas 0x%02x" % regs[_REG_CTRL_MEAS])
