# bytes and bytearray methods, encode/decode round trips, hex conversion,
# struct packing of records and manual UTF-8 encoding.
import struct
import binascii

b = b"Hello, Bytes World"
print(b.lower(), b.upper(), b.split(b" "), b.split(b","), b.strip(b"Hd"))
print(b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"B"), b.startswith(b"Hell"), b.endswith(b"ld"))
print(b.replace(b"o", b"0"), b.partition(b", "), b.rpartition(b" "), b"-".join([b"a", b"b", b"c"]))
print(b[0], b[-1], b[1:4], list(b[:3]), bytes(reversed(b[:5])), b.isdigit(), b"123".isdigit())
print(b.hex(), bytes.fromhex("48 65 6c 6c 6f"), b"\x00\xff".hex())
print(bytes(5), bytes([65, 66, 67]), bytes(range(48, 58)), bytes("text", "utf-8"), bytes(b"copy"))
ba = bytearray(b"mutable")
ba[0] = ord("M")
ba.append(33)
ba.extend(b"??")
print(ba, len(ba), ba.decode(), bytes(ba))
ba2 = bytearray(4)
ba2[1] = 255
print(ba2, list(ba2), bytearray([1, 2, 3]) + bytearray(b"\x04"), bytearray(b"ab") * 1 if False else bytearray(b"ab"))
for s in ("plain", "caf\u00e9", "\u20ac100", "\u65e5\u672c", "\U0001F600"):
    e = s.encode()
    print("%-8r utf8=%-30r len=%d/%d back=%s" % (s, e, len(s), len(e), e.decode() == s))


def utf8_encode(cp):
    if cp < 0x80:
        return bytes([cp])
    if cp < 0x800:
        return bytes([0xC0 | cp >> 6, 0x80 | cp & 0x3F])
    if cp < 0x10000:
        return bytes([0xE0 | cp >> 12, 0x80 | (cp >> 6) & 0x3F, 0x80 | cp & 0x3F])
    return bytes([0xF0 | cp >> 18, 0x80 | (cp >> 12) & 0x3F, 0x80 | (cp >> 6) & 0x3F, 0x80 | cp & 0x3F])


def utf8_decode(data):
    out = []
    i = 0
    while i < len(data):
        c = data[i]
        if c < 0x80:
            cp, n = c, 1
        elif c >> 5 == 0b110:
            cp, n = c & 0x1F, 2
        elif c >> 4 == 0b1110:
            cp, n = c & 0x0F, 3
        else:
            cp, n = c & 0x07, 4
        for k in range(1, n):
            cp = (cp << 6) | (data[i + k] & 0x3F)
        out.append(cp)
        i += n
    return out


for cp in (0x41, 0xE9, 0x20AC, 0x1F600):
    enc = utf8_encode(cp)
    print("U+%04X -> %s matches=%s decoded=%s" % (cp, enc.hex(), enc == chr(cp).encode(), [hex(x) for x in utf8_decode(enc)]))
try:
    b"\xff\xfe".decode()
except UnicodeError:
    print("invalid utf-8 -> UnicodeError")
rec = struct.pack("<HhIf4s", 0xBEEF, -2, 123456, 1.5, b"ab")
print("packed:", binascii.hexlify(rec), len(rec), struct.calcsize("<HhIf4s"))
print("unpacked:", struct.unpack("<HhIf4s", rec))
print("big endian:", struct.pack(">I", 1), struct.pack(">h", -1), struct.unpack(">Q", b"\x00" * 7 + b"\x2a"))
buf = bytearray(12)
struct.pack_into("<III", buf, 0, 1, 2, 3)
print("pack_into:", bytes(buf), struct.unpack_from("<I", buf, 4))
records = b"".join(struct.pack("<Bh", i, i * -100) for i in range(4))
print("records:", [struct.unpack("<Bh", records[i:i + 3]) for i in range(0, len(records), 3)])
print("int.to/from bytes:", (1000).to_bytes(2, "big"), (1000).to_bytes(4, "little"), int.from_bytes(b"\x01\x00", "big"))
print("b64:", binascii.b2a_base64(b"any carnal pleas").strip(), binascii.a2b_base64(b"cGljbw=="))
print("compare:", b"abc" < b"abd", b"a" * 3 == b"aaa", b"x" in b"xyz", 120 in b"xyz")
print("ord/chr bytes:", [c for c in b"AZ"], bytes([c + 1 for c in b"HAL"]))
mv = memoryview(b"memoryview data")
print("memoryview:", bytes(mv[0:6]), mv[0], len(mv))
print("decode latin:", bytes([104, 105]).decode("utf-8"), str(b"abc", "utf-8"))
