# 1-Wire bus with DS18B20-like temperature sensors: ROM search, Dallas CRC8,
# scratchpad decoding with resolutions, and alarm thresholds.
from micropython import const

_CMD_SEARCH = const(0xF0)
_CMD_MATCH = const(0x55)
_CMD_CONVERT = const(0x44)
_CMD_READ_SP = const(0xBE)
_FAMILY = const(0x28)
RES_9 = const(0x1F)
RES_10 = const(0x3F)
RES_11 = const(0x5F)
RES_12 = const(0x7F)


def crc8(data):
    crc = 0
    for byte in data:
        for _ in range(8):
            mix = (crc ^ byte) & 1
            crc >>= 1
            if mix:
                crc ^= 0x8C
            byte >>= 1
    return crc


def make_rom(serial):
    body = bytes([_FAMILY]) + serial.to_bytes(6, "little")
    return body + bytes([crc8(body)])


class SimSensor:
    def __init__(self, serial, temp_c, res=RES_12):
        self.rom = make_rom(serial)
        self.temp_c = temp_c
        self.res = res
        self.th, self.tl = 75, -10
        self.raw = 0x0550

    def convert(self):
        step = {RES_9: 8, RES_10: 4, RES_11: 2, RES_12: 1}[self.res]
        raw = int(self.temp_c * 16)
        raw = (raw // step) * step
        self.raw = raw & 0xFFFF

    def scratchpad(self):
        sp = bytes([self.raw & 0xFF, self.raw >> 8, self.th & 0xFF, self.tl & 0xFF,
                    self.res, 0xFF, 0x0C, 0x10])
        return sp + bytes([crc8(sp)])


class OneWire:
    def __init__(self, devices):
        self.devices = devices
        self.resets = 0

    def reset(self):
        self.resets += 1
        return bool(self.devices)

    def search(self):
        """Binary-tree ROM search over the simulated devices (bit by bit)."""
        found = []
        pending = [[]]
        while pending:
            prefix = pending.pop()
            cands = [d for d in self.devices if self._bits(d.rom)[:len(prefix)] == prefix]
            if len(prefix) == 64:
                found.append(cands[0].rom)
                continue
            nxt = set(self._bits(d.rom)[len(prefix)] for d in cands)
            for b in sorted(nxt, reverse=True):
                pending.append(prefix + [b])
        return sorted(found)

    @staticmethod
    def _bits(rom):
        return [(rom[i // 8] >> (i % 8)) & 1 for i in range(64)]

    def select(self, rom):
        for d in self.devices:
            if d.rom == rom:
                return d
        raise OSError("no device %s" % rom.hex())


class DS18X20:
    def __init__(self, ow):
        self.ow = ow

    def scan(self):
        return [rom for rom in self.ow.search() if rom[0] == _FAMILY and crc8(rom) == 0]

    def convert_all(self):
        self.ow.reset()
        for d in self.ow.devices:
            d.convert()

    def read_temp(self, rom):
        self.ow.reset()
        sp = self.ow.select(rom).scratchpad()
        if crc8(sp) != 0:
            raise ValueError("CRC error")
        raw = sp[0] | (sp[1] << 8)
        if raw & 0x8000:
            raw -= 0x10000
        return raw / 16, sp[4], (sp[2], sp[3] - 256 if sp[3] > 127 else sp[3])


print("crc8 of 0..7:", hex(crc8(bytes(range(8)))))
print("crc8 check", crc8(make_rom(0x0123456789AB)))
sensors = [SimSensor(0x00000A1B2C3D, 21.5625), SimSensor(0x0000000000F1, -10.125, RES_10),
           SimSensor(0x00FFEE000001, 85.0, RES_9), SimSensor(0x000012340000, 0.0625, RES_11)]
bus = OneWire(sensors)
drv = DS18X20(bus)
roms = drv.scan()
print("found", len(roms))
for rom in roms:
    print("  rom", rom.hex())
drv.convert_all()
for rom in roms:
    t, res, alarms = drv.read_temp(rom)
    bits = {RES_9: 9, RES_10: 10, RES_11: 11, RES_12: 12}[res]
    flag = "ALARM" if not alarms[1] <= t <= alarms[0] else "ok"
    print("%s %8.4f C  %2d-bit  limits %s  %s" % (rom.hex()[-6:], t, bits, alarms, flag))
sensors[0].temp_c = -55.0
sensors[1].temp_c = 125.0
drv.convert_all()
print("extremes", [drv.read_temp(r)[0] for r in roms])
try:
    drv.read_temp(b"\x28" + bytes(7))
except OSError as e:
    print("OSError:", e)
print("resets", bus.resets)
