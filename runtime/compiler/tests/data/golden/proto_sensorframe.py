# Packing sensor readings into compact binary frames with struct: header, bitfield flags,
# scaled fixed-point values, a batch container, and a decoder with validation.
import struct
from micropython import const
from collections import namedtuple

_SYNC = const(0xA55A)
_VERSION = const(2)
FLAG_LOW_BATT = const(1 << 0)
FLAG_HEATER = const(1 << 1)
FLAG_CALIBRATED = const(1 << 2)
FLAG_ALARM = const(1 << 7)
HEADER = "<HBBIH"
RECORD = "<hHIhb"
_HDR_LEN = struct.calcsize(HEADER)
_REC_LEN = struct.calcsize(RECORD)

Reading = namedtuple("Reading", ("temp_c", "humidity", "pressure_pa", "accel_mg", "rssi"))


def sum16(data):
    return sum(data) & 0xFFFF


def pack_reading(r):
    return struct.pack(RECORD, round(r.temp_c * 100), round(r.humidity * 100),
                       r.pressure_pa, r.accel_mg, r.rssi)


def unpack_reading(b):
    t, h, p, a, rssi = struct.unpack(RECORD, b)
    return Reading(t / 100, h / 100, p, a, rssi)


def pack_frame(node, seq, flags, readings):
    body = b"".join(pack_reading(r) for r in readings)
    hdr = struct.pack(HEADER, _SYNC, _VERSION, node, seq, flags | (len(readings) << 8))
    return hdr + body + struct.pack("<H", sum16(hdr + body))


def unpack_frame(frame):
    if len(frame) < _HDR_LEN + 2:
        raise ValueError("short frame")
    sync, ver, node, seq, fc = struct.unpack_from(HEADER, frame)
    if sync != _SYNC:
        raise ValueError("bad sync 0x%04x" % sync)
    if ver != _VERSION:
        raise ValueError("version %d" % ver)
    (ck,) = struct.unpack_from("<H", frame, len(frame) - 2)
    if ck != sum16(frame[:-2]):
        raise ValueError("checksum")
    flags, count = fc & 0xFF, fc >> 8
    expected = _HDR_LEN + count * _REC_LEN + 2
    if len(frame) != expected:
        raise ValueError("length %d != %d" % (len(frame), expected))
    readings = [unpack_reading(frame[_HDR_LEN + i * _REC_LEN:_HDR_LEN + (i + 1) * _REC_LEN])
                for i in range(count)]
    return node, seq, flags, readings


def flag_names(flags):
    names = [(FLAG_LOW_BATT, "low_batt"), (FLAG_HEATER, "heater"),
             (FLAG_CALIBRATED, "cal"), (FLAG_ALARM, "ALARM")]
    return "|".join(n for bit, n in names if flags & bit) or "none"


print("header", _HDR_LEN, "bytes, record", _REC_LEN, "bytes")
readings = [Reading(21.37, 45.5, 101325, -12, -67), Reading(-5.04, 99.99, 98000, 1000, -101),
            Reading(0.0, 0.0, 0, 0, 0)]
frame = pack_frame(7, 123456, FLAG_HEATER | FLAG_CALIBRATED, readings)
print("frame", len(frame), frame.hex())
node, seq, flags, back = unpack_frame(frame)
print("node", node, "seq", seq, "flags", flag_names(flags))
for r in back:
    print("  T=%6.2f H=%6.2f P=%6d a=%5d rssi=%4d" % r)
print("fields", Reading._fields if hasattr(Reading, "_fields") else "?")
buf = bytearray(64)
struct.pack_into("<HH", buf, 4, 0xBEEF, 513)
print("pack_into", buf[:10].hex(), struct.unpack_from("<HH", buf, 4))
broken = [frame[:5], b"\x00" + frame[1:], frame[:2] + b"\x09" + frame[3:],
          frame[:-1] + bytes([frame[-1] ^ 1])]
short_frame = bytearray(pack_frame(1, 1, 0, readings[:1]))
short_frame[_HDR_LEN - 1] = 2
ck = sum16(short_frame[:-2])
short_frame[-2:] = struct.pack("<H", ck)
broken.append(bytes(short_frame))
for b in broken:
    try:
        unpack_frame(b)
        print("accepted?!")
    except ValueError as e:
        print("rejected:", e)
seq = 0
stats = {"frames": 0, "bytes": 0, "alarms": 0}
for batch in range(5):
    rs = [Reading(20 + batch + i * 0.25, 40 + i, 100000 + batch * 10, i - 2, -60 - batch) for i in range(batch + 1)]
    fl = FLAG_ALARM if any(r.temp_c > 23 for r in rs) else 0
    fr = pack_frame(3, seq, fl | (FLAG_LOW_BATT if batch == 4 else 0), rs)
    seq += 1
    _, s, f, rr = unpack_frame(fr)
    stats["frames"] += 1
    stats["bytes"] += len(fr)
    stats["alarms"] += 1 if f & FLAG_ALARM else 0
    print("batch %d seq %d n=%d flags=%s max=%.2f" % (batch, s, len(rr), flag_names(f), max(r.temp_c for r in rr)))
print(sorted(stats.items()))
