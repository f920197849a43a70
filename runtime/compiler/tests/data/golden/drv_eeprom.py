# 24LC256-style I2C EEPROM driver with page-boundary-aware writes and a tiny record store.
from micropython import const
import struct

PAGE_SIZE = const(64)
CAPACITY = const(4096)
_ADDR = const(0x50)
_MAGIC = const(0xEE42)
_HDR = "<HHB"
_HDR_SIZE = const(5)


class BusError(Exception):
    pass


class SimEEPROM:
    def __init__(self, size):
        self.mem = bytearray(b"\xff" * size)
        self.transactions = []

    def writeto(self, addr, buf):
        if addr != _ADDR:
            raise BusError("NACK 0x%02x" % addr)
        mem_addr = (buf[0] << 8) | buf[1]
        payload = buf[2:]
        page = mem_addr // PAGE_SIZE
        for i, b in enumerate(payload):
            # real chips wrap within the page
            a = page * PAGE_SIZE + (mem_addr + i) % PAGE_SIZE
            self.mem[a] = b
        self.transactions.append((mem_addr, len(payload)))

    def readfrom_mem(self, addr, mem_addr, n):
        if addr != _ADDR:
            raise BusError("NACK 0x%02x" % addr)
        return bytes(self.mem[mem_addr:mem_addr + n])


class EEPROM:
    def __init__(self, bus, addr=_ADDR, size=CAPACITY):
        self.bus, self.addr, self.size = bus, addr, size

    def read(self, offset, n):
        self._check(offset, n)
        return self.bus.readfrom_mem(self.addr, offset, n)

    def write(self, offset, data):
        self._check(offset, len(data))
        pos = 0
        while pos < len(data):
            room = PAGE_SIZE - (offset + pos) % PAGE_SIZE
            chunk = data[pos:pos + room]
            a = offset + pos
            self.bus.writeto(self.addr, bytes([a >> 8, a & 0xFF]) + chunk)
            pos += len(chunk)
        return pos

    def _check(self, offset, n):
        if offset < 0 or offset + n > self.size:
            raise ValueError("out of range: %d+%d" % (offset, n))


def checksum(data):
    s = 0
    for b in data:
        s = (s + b) & 0xFF
    return (~s) & 0xFF


class RecordStore:
    def __init__(self, eeprom, base=0):
        self.ee = eeprom
        self.base = base

    def save(self, slot, payload):
        hdr = struct.pack(_HDR, _MAGIC, len(payload), checksum(payload))
        return self.ee.write(self.base + slot * 128, hdr + payload)

    def load(self, slot):
        off = self.base + slot * 128
        magic, n, ck = struct.unpack(_HDR, self.ee.read(off, _HDR_SIZE))
        if magic != _MAGIC:
            return None
        payload = self.ee.read(off + _HDR_SIZE, n)
        if checksum(payload) != ck:
            raise ValueError("slot %d corrupt" % slot)
        return payload


sim = SimEEPROM(CAPACITY)
ee = EEPROM(sim)
print("blank", ee.read(0, 8).hex())
n = ee.write(60, bytes(range(10)))
print("wrote", n, "in", len(sim.transactions), "transactions", sim.transactions)
print("readback", list(ee.read(58, 14)))
sim.transactions.clear()
blob = bytes((i * 37) & 0xFF for i in range(200))
ee.write(100, blob)
print("long write chunks", [t[1] for t in sim.transactions])
print("verify", ee.read(100, 200) == blob)
try:
    ee.write(CAPACITY - 4, b"12345")
except ValueError as e:
    print("ValueError:", e)
raw = bytes([0x00, 0x3E]) + b"ABCDEFGHIJ"
sim.writeto(_ADDR, raw)
print("raw wrap", ee.read(62, 2), ee.read(0, 8))
store = RecordStore(ee, base=1024)
names = [b"sensor-a", b"calibration:1.0023", b"", b"x" * 70]
for slot, payload in enumerate(names):
    print("save slot", slot, "bytes", store.save(slot, payload))
for slot in range(len(names) + 1):
    rec = store.load(slot)
    print("load", slot, None if rec is None else (len(rec), rec[:10]))
sim.mem[1024 + 128 + _HDR_SIZE + 3] ^= 0x20
try:
    store.load(1)
except ValueError as e:
    print("detected:", e)
try:
    EEPROM(sim, addr=0x51).read(0, 1)
except BusError as e:
    print("BusError:", e)
