# MQTT 3.1.1 packet encoding/decoding: remaining-length varint, CONNECT, PUBLISH with QoS,
# SUBSCRIBE, and a decoder for a byte stream of mixed packets.
import struct
from micropython import const

CONNECT = const(1)
CONNACK = const(2)
PUBLISH = const(3)
PUBACK = const(4)
SUBSCRIBE = const(8)
SUBACK = const(9)
PINGREQ = const(12)
DISCONNECT = const(14)
NAMES = {1: "CONNECT", 2: "CONNACK", 3: "PUBLISH", 4: "PUBACK", 8: "SUBSCRIBE",
         9: "SUBACK", 12: "PINGREQ", 14: "DISCONNECT"}


def enc_len(n):
    out = bytearray()
    while True:
        b = n % 128
        n //= 128
        out.append(b | 0x80 if n else b)
        if not n:
            return bytes(out)


def dec_len(buf, pos):
    mult, value = 1, 0
    for i in range(4):
        if pos + i >= len(buf):
            return None, pos
        b = buf[pos + i]
        value += (b & 0x7F) * mult
        mult *= 128
        if not b & 0x80:
            return value, pos + i + 1
    raise ValueError("malformed remaining length")


def mstr(s):
    b = s.encode() if isinstance(s, str) else s
    return struct.pack(">H", len(b)) + b


def packet(ptype, flags, body):
    return bytes([(ptype << 4) | flags]) + enc_len(len(body)) + body


def connect(client_id, keepalive=60, user=None, password=None, will=None, clean=True):
    flags = 0x02 if clean else 0
    payload = mstr(client_id)
    if will:
        topic, msg, qos, retain = will
        flags |= 0x04 | (qos << 3) | (0x20 if retain else 0)
        payload += mstr(topic) + mstr(msg)
    if user is not None:
        flags |= 0x80
        payload += mstr(user)
    if password is not None:
        flags |= 0x40
        payload += mstr(password)
    var = mstr("MQTT") + bytes([4, flags]) + struct.pack(">H", keepalive)
    return packet(CONNECT, 0, var + payload)


def publish(topic, msg, qos=0, retain=False, pid=0, dup=False):
    flags = (0x08 if dup else 0) | (qos << 1) | (1 if retain else 0)
    body = mstr(topic) + (struct.pack(">H", pid) if qos else b"") + msg
    return packet(PUBLISH, flags, body)


def subscribe(pid, topics):
    body = struct.pack(">H", pid) + b"".join(mstr(t) + bytes([q]) for t, q in topics)
    return packet(SUBSCRIBE, 0x02, body)


def parse_stream(buf):
    pos = 0
    while pos < len(buf):
        hdr = buf[pos]
        n, body_pos = dec_len(buf, pos + 1)
        if n is None or body_pos + n > len(buf):
            return buf[pos:]
        body = buf[body_pos:body_pos + n]
        yield hdr >> 4, hdr & 0x0F, body
        pos = body_pos + n
    return b""


def describe(ptype, flags, body):
    name = NAMES.get(ptype, "?%d" % ptype)
    if ptype == PUBLISH:
        tl = struct.unpack(">H", body[:2])[0]
        topic = body[2:2 + tl].decode()
        qos = (flags >> 1) & 3
        rest = body[2 + tl:]
        pid = None
        if qos:
            pid, rest = struct.unpack(">H", rest[:2])[0], rest[2:]
        return "%s topic=%s qos=%d retain=%d pid=%s msg=%s" % (name, topic, qos, flags & 1, pid, bytes(rest))
    if ptype == CONNECT:
        return "%s proto=%s level=%d flags=0x%02x keepalive=%d" % (
            name, body[2:6].decode(), body[6], body[7], struct.unpack(">H", body[8:10])[0])
    return "%s flags=%d body=%s" % (name, flags, body.hex() if body else "-")


for n in (0, 127, 128, 16383, 16384, 2097151, 268435455):
    e = enc_len(n)
    print("len %9d -> %-10s back %d" % (n, e.hex(), dec_len(e, 0)[0]))
c = connect("pico-7", 30, user="dev", password=b"s3cret", will=("st/pico-7", b"offline", 1, True))
print("connect", c.hex())
pkts = [
    c,
    publish("sensors/temp", b"21.5"),
    publish("sensors/hum", b"40", qos=1, pid=7),
    publish("cfg/led", b"on", qos=2, retain=True, pid=8, dup=True),
    subscribe(9, [("cmd/#", 1), ("time", 0)]),
    packet(PINGREQ, 0, b""),
    publish("big", b"x" * 200, qos=1, pid=10),
    packet(DISCONNECT, 0, b""),
]
stream = b"".join(pkts)
print("stream bytes", len(stream))
gen = parse_stream(stream[:-1])
try:
    while True:
        ptype, flags, body = next(gen)
        d = describe(ptype, flags, body)
        print(d if len(d) < 100 else d[:96] + "...")
except StopIteration as stop:
    print("leftover", stop.value)
try:
    dec_len(b"\xff\xff\xff\xff\x01", 0)
except ValueError as e:
    print("ValueError:", e)
