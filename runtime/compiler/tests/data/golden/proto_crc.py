# CRC family: table-driven and bitwise CRC8 (SMBus/Maxim), CRC16 (Modbus, CCITT, XMODEM),
# CRC32 cross-checked with binascii, plus a generic parameterised engine.
import binascii
from micropython import const

_POLY_CRC8 = const(0x07)
_POLY_MODBUS = const(0xA001)
_POLY_CCITT = const(0x1021)


def crc8_smbus(data, crc=0):
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ _POLY_CRC8) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def make_table8(poly):
    table = bytearray(256)
    for i in range(256):
        c = i
        for _ in range(8):
            c = ((c << 1) ^ poly) & 0xFF if c & 0x80 else (c << 1) & 0xFF
        table[i] = c
    return table


_T8 = make_table8(_POLY_CRC8)


def crc8_table(data, crc=0):
    for b in data:
        crc = _T8[crc ^ b]
    return crc


def crc16_modbus(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ _POLY_MODBUS if crc & 1 else crc >> 1
    return crc


def crc16_ccitt(data, init=0xFFFF):
    crc = init
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ _POLY_CCITT) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def reflect(v, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (v & 1)
        v >>= 1
    return r


class CRC:
    """Rocksoft-model CRC with width, poly, init, refin, refout, xorout."""

    def __init__(self, name, width, poly, init=0, refin=False, refout=False, xorout=0):
        self.name, self.width, self.poly = name, width, poly
        self.init, self.refin, self.refout, self.xorout = init, refin, refout, xorout
        self.mask = (1 << width) - 1
        self.top = 1 << (width - 1)

    def __call__(self, data):
        crc = self.init
        for b in data:
            if self.refin:
                b = reflect(b, 8)
            crc ^= b << (self.width - 8)
            for _ in range(8):
                crc = ((crc << 1) ^ self.poly) if crc & self.top else (crc << 1)
                crc &= self.mask
        if self.refout:
            crc = reflect(crc, self.width)
        return crc ^ self.xorout

    def __repr__(self):
        return "CRC(%s/%d poly=0x%x)" % (self.name, self.width, self.poly)


CHECK = b"123456789"
ENGINES = [
    CRC("CRC-8", 8, 0x07),
    CRC("CRC-8/MAXIM", 8, 0x31, refin=True, refout=True),
    CRC("CRC-16/MODBUS", 16, 0x8005, 0xFFFF, True, True),
    CRC("CRC-16/XMODEM", 16, 0x1021),
    CRC("CRC-16/CCITT-FALSE", 16, 0x1021, 0xFFFF),
    CRC("CRC-16/KERMIT", 16, 0x1021, 0, True, True),
    CRC("CRC-32", 32, 0x04C11DB7, 0xFFFFFFFF, True, True, 0xFFFFFFFF),
]
for eng in ENGINES:
    print("%-20s check=0x%0*x" % (eng.name, eng.width // 4, eng(CHECK)), repr(eng))
print("smbus  0x%02x table 0x%02x" % (crc8_smbus(CHECK), crc8_table(CHECK)))
print("modbus 0x%04x ccitt 0x%04x xmodem 0x%04x" % (
    crc16_modbus(CHECK), crc16_ccitt(CHECK), crc16_ccitt(CHECK, 0)))
print("crc32 binascii 0x%08x engine 0x%08x" % (binascii.crc32(CHECK), ENGINES[-1](CHECK)))
print("table head", list(_T8[:8]), "tail", list(_T8[-4:]))
# incremental CRC must equal one-shot
parts = [b"1234", b"", b"56", b"789"]
acc = 0
for p in parts:
    acc = crc8_table(p, acc)
print("incremental", hex(acc), acc == crc8_table(CHECK))
running = 0
for p in parts:
    running = binascii.crc32(p, running)
print("crc32 incremental 0x%08x" % running)
frame = bytearray(b"\x01\x03\x00\x00\x00\x0a")
c = crc16_modbus(frame)
frame += bytes([c & 0xFF, c >> 8])
print("modbus frame", frame.hex(), "residue", crc16_modbus(frame))
errors = 0
for bit in range(len(CHECK) * 8):
    bad = bytearray(CHECK)
    bad[bit // 8] ^= 1 << (bit % 8)
    if crc16_ccitt(bad) == crc16_ccitt(CHECK):
        errors += 1
print("single-bit flips undetected:", errors)
print("reflect", [hex(reflect(v, 8)) for v in (0x01, 0x80, 0x0F, 0xA5)])
