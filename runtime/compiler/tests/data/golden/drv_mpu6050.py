# MPU6050-like IMU driver: register map, range scaling, calibration, complementary filter.
from micropython import const
import struct
import math

_PWR_MGMT_1 = const(0x6B)
_ACCEL_CONFIG = const(0x1C)
_GYRO_CONFIG = const(0x1B)
_ACCEL_XOUT_H = const(0x3B)
_WHO_AM_I = const(0x75)
ADDR = const(0x68)
ACCEL_2G = const(0)
ACCEL_4G = const(1)
ACCEL_8G = const(2)
ACCEL_16G = const(3)
GYRO_250 = const(0)
GYRO_500 = const(1)

_ACCEL_LSB = (16384.0, 8192.0, 4096.0, 2048.0)
_GYRO_LSB = (131.0, 65.5, 32.8, 16.4)


class SimBus:
    def __init__(self):
        self.mem = bytearray(128)
        self.mem[_WHO_AM_I] = ADDR
        self.mem[_PWR_MGMT_1] = 0x40  # sleeping

    def load_sample(self, ax, ay, az, temp, gx, gy, gz):
        struct.pack_into(">7h", self.mem, _ACCEL_XOUT_H, ax, ay, az, temp, gx, gy, gz)

    def read(self, reg, n):
        return bytes(self.mem[reg:reg + n])

    def write(self, reg, val):
        self.mem[reg] = val & 0xFF


class IMUError(Exception):
    pass


class MPU6050:
    def __init__(self, bus, accel_range=ACCEL_2G, gyro_range=GYRO_250):
        self.bus = bus
        if bus.read(_WHO_AM_I, 1)[0] != ADDR:
            raise IMUError("WHO_AM_I mismatch")
        bus.write(_PWR_MGMT_1, 0x00)
        self.accel_range = accel_range
        self.gyro_range = gyro_range
        self.offsets = [0.0, 0.0, 0.0]

    @property
    def accel_range(self):
        return (self.bus.read(_ACCEL_CONFIG, 1)[0] >> 3) & 3

    @accel_range.setter
    def accel_range(self, r):
        if not 0 <= r <= 3:
            raise IMUError("range %d" % r)
        self.bus.write(_ACCEL_CONFIG, r << 3)

    @property
    def gyro_range(self):
        return (self.bus.read(_GYRO_CONFIG, 1)[0] >> 3) & 3

    @gyro_range.setter
    def gyro_range(self, r):
        self.bus.write(_GYRO_CONFIG, r << 3)

    def raw(self):
        return struct.unpack(">7h", self.bus.read(_ACCEL_XOUT_H, 14))

    def read(self):
        ax, ay, az, t, gx, gy, gz = self.raw()
        a_lsb = _ACCEL_LSB[self.accel_range]
        g_lsb = _GYRO_LSB[self.gyro_range]
        accel = tuple(v / a_lsb for v in (ax, ay, az))
        gyro = tuple(v / g_lsb - o for v, o in zip((gx, gy, gz), self.offsets))
        temp = t / 340.0 + 36.53
        return accel, gyro, temp

    def calibrate(self, samples):
        sums = [0, 0, 0]
        for s in samples:
            self.bus.load_sample(*s)
            for i, v in enumerate(self.raw()[4:]):
                sums[i] += v
        g_lsb = _GYRO_LSB[self.gyro_range]
        self.offsets = [s / len(samples) / g_lsb for s in sums]
        return self.offsets


def tilt(accel):
    ax, ay, az = accel
    pitch = math.degrees(math.atan2(-ax, math.sqrt(ay * ay + az * az)))
    roll = math.degrees(math.atan2(ay, az))
    return pitch, roll


class Complementary:
    def __init__(self, alpha=0.98):
        self.alpha = alpha
        self.angle = 0.0

    def update(self, rate, accel_angle, dt):
        self.angle = self.alpha * (self.angle + rate * dt) + (1 - self.alpha) * accel_angle
        return self.angle


bus = SimBus()
imu = MPU6050(bus)
print("pwr", bus.mem[_PWR_MGMT_1], "ranges", imu.accel_range, imu.gyro_range)
still = [(0, 0, 16384, -521, 13 + i % 3, -7, 2 * i) for i in range(8)]
print("offsets", ["%.4f" % o for o in imu.calibrate(still)])
bus.load_sample(0, 0, 16384, 0, 0, 0, 0)
a, g, t = imu.read()
print("flat accel", ["%.3f" % v for v in a], "temp %.2f" % t)
print("flat gyro", ["%.3f" % v for v in g])
for r in (ACCEL_2G, ACCEL_4G, ACCEL_8G, ACCEL_16G):
    imu.accel_range = r
    bus.load_sample(8192, -4096, 12000, 340, 131, -262, 65)
    a, g, t = imu.read()
    print("range %d" % r, " ".join("%+.3f" % v for v in a), "temp %.2f" % t)
imu.accel_range = ACCEL_2G
imu.gyro_range = GYRO_500
bus.load_sample(0, 0, 0, 0, 655, 0, 0)
print("gyro500 x %.3f" % imu.read()[1][0])
try:
    imu.accel_range = 7
except IMUError as e:
    print("IMUError:", e)
flt = Complementary(0.9)
imu.gyro_range = GYRO_250
imu.offsets = [0.0, 0.0, 0.0]
for step in range(10):
    angle = step * 3.0
    az = int(16384 * math.cos(math.radians(angle)))
    ax = int(-16384 * math.sin(math.radians(angle)))
    bus.load_sample(ax, 0, az, 0, 0, 393, 0)
    a, g, _ = imu.read()
    pitch, roll = tilt(a)
    est = flt.update(g[1], pitch, 0.01)
    print("step %d pitch %6.2f roll %5.2f est %6.3f" % (step, pitch, roll, est))
bus.mem[_WHO_AM_I] = 0
try:
    MPU6050(bus)
except IMUError as e:
    print("init failed:", e)
