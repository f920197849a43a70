# CRC and checksum algorithms implemented bitwise and table-driven,
# cross-checked against binascii.crc32 and hashlib.sha256.
import binascii
import hashlib


def crc8(data, poly=0x07, init=0x00):
    crc = init
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 0x80:
                crc = ((crc << 1) ^ poly) & 0xFF
            else:
                crc = (crc << 1) & 0xFF
    return crc


def crc16_ccitt(data, init=0xFFFF):
    crc = init
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def crc16_modbus(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            lsb = crc & 1
            crc >>= 1
            if lsb:
                crc ^= 0xA001
    return crc


def make_crc32_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


CRC32_TABLE = make_crc32_table()


def crc32(data, crc=0):
    crc ^= 0xFFFFFFFF
    for b in data:
        crc = CRC32_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def adler32(data):
    a, b = 1, 0
    for x in data:
        a = (a + x) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fletcher16(data):
    s1 = s2 = 0
    for x in data:
        s1 = (s1 + x) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def djb2(s):
    h = 5381
    for ch in s:
        h = ((h << 5) + h + ord(ch)) & 0xFFFFFFFF
    return h


def luhn_ok(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def xor_checksum(sentence):
    c = 0
    for ch in sentence:
        c ^= ord(ch)
    return "%02X" % c


samples = [b"", b"a", b"123456789", b"The quick brown fox jumps over the lazy dog", bytes(range(64))]
for s in samples:
    label = s[:12]
    print("%-16r crc8=%02x ccitt=%04x modbus=%04x" % (label, crc8(s), crc16_ccitt(s), crc16_modbus(s)))
    print("%-16s crc32=%08x lib=%08x adler=%08x fl16=%04x" % (
        "", crc32(s), binascii.crc32(s) & 0xFFFFFFFF, adler32(s), fletcher16(s)))
part = crc32(b"12345")
print("incremental crc32:", "%08x" % crc32(b"6789", part), "%08x" % binascii.crc32(b"6789", binascii.crc32(b"12345")))
for w in ("", "hello", "pico", "rime"):
    print("djb2(%r) = %d" % (w, djb2(w)))
for n in ("79927398713", "79927398710", "4539578763621486", "1234567812345678"):
    print("luhn", n, luhn_ok(n))
nmea = "GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"
print("nmea checksum:", xor_checksum(nmea))
for msg in (b"", b"abc", b"rime compiles python"):
    h = hashlib.sha256(msg).digest()
    print("sha256(%r) = %s" % (msg, binascii.hexlify(h).decode()))
h = hashlib.sha256()
h.update(b"rime ")
h.update(b"compiles python")
print("incremental sha256 equal:", h.digest() == hashlib.sha256(b"rime compiles python").digest())
frame = bytes([0x01, 0x03, 0x00, 0x00, 0x00, 0x0A])
c = crc16_modbus(frame)
wire = frame + bytes([c & 0xFF, c >> 8])
print("modbus frame:", binascii.hexlify(wire).decode(), "verify:", crc16_modbus(wire) == 0)
