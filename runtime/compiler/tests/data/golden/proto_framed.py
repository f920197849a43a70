# Framed serial protocol: STX | LEN | SEQ | CMD | PAYLOAD | CRC8 | ETX, with byte stuffing
# for control bytes, a receiver state machine and stop-and-wait retransmission.
from micropython import const

STX = const(0x02)
ETX = const(0x03)
DLE = const(0x10)
ACK = const(0x06)
NAK = const(0x15)
_MAX_PAYLOAD = const(48)
_S_IDLE = const(0)
_S_BODY = const(1)
_S_ESC = const(2)


def crc8(data):
    crc = 0xFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x31) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def stuff(data):
    out = bytearray()
    for b in data:
        if b in (STX, ETX, DLE):
            out.append(DLE)
            out.append(b ^ 0x20)
        else:
            out.append(b)
    return out


def encode(seq, cmd, payload=b""):
    if len(payload) > _MAX_PAYLOAD:
        raise ValueError("payload too long")
    body = bytes([len(payload), seq & 0xFF, cmd]) + payload
    return bytes([STX]) + stuff(body + bytes([crc8(body)])) + bytes([ETX])


class Receiver:
    def __init__(self):
        self.state = _S_IDLE
        self.buf = bytearray()
        self.frames = []
        self.errors = {"crc": 0, "len": 0, "sync": 0}

    def feed(self, data):
        for b in data:
            if b == STX:
                if self.state != _S_IDLE:
                    self.errors["sync"] += 1
                self.state = _S_BODY
                self.buf = bytearray()
            elif self.state == _S_IDLE:
                continue
            elif b == ETX:
                self._finish()
                self.state = _S_IDLE
            elif self.state == _S_ESC:
                self.buf.append(b ^ 0x20)
                self.state = _S_BODY
            elif b == DLE:
                self.state = _S_ESC
            else:
                self.buf.append(b)

    def _finish(self):
        b = self.buf
        if len(b) < 4 or b[0] + 4 != len(b):
            self.errors["len"] += 1
            return
        if crc8(b[:-1]) != b[-1]:
            self.errors["crc"] += 1
            return
        self.frames.append((b[1], b[2], bytes(b[3:-1])))


class Link:
    """Lossy link: corrupts every n-th transmission."""

    def __init__(self, corrupt_every):
        self.n = 0
        self.every = corrupt_every

    def send(self, frame):
        self.n += 1
        if self.every and self.n % self.every == 0:
            frame = bytearray(frame)
            frame[len(frame) // 2] ^= 0x40
        return bytes(frame)


def transfer(messages, link, max_tries=3):
    rx = Receiver()
    log = []
    for seq, (cmd, payload) in enumerate(messages):
        for attempt in range(1, max_tries + 1):
            before = len(rx.frames)
            rx.feed(link.send(encode(seq, cmd, payload)))
            if len(rx.frames) > before:
                log.append((seq, attempt, "ACK"))
                break
        else:
            log.append((seq, max_tries, "GAVE UP"))
    return rx, log


print("crc8('123456789') = 0x%02x" % crc8(b"123456789"))
f = encode(1, 0x20, bytes([0x02, 0x10, 0x41, 0x03]))
print("frame", f.hex(), "len", len(f))
rx = Receiver()
rx.feed(b"\xff\xfe" + f + b"noise" + encode(2, 0x21) + f[:5] + encode(3, 0x22, b"ok"))
print("frames", rx.frames, "errors", sorted(rx.errors.items()))
msgs = [(0x10, b"temp"), (0x11, bytes(range(10))), (0x12, b"\x02\x03\x10" * 4), (0x13, b""), (0x14, b"x" * 40)]
for every in (0, 3, 2, 1):
    rx, log = transfer(msgs, Link(every))
    print("corrupt every %d:" % every, log, "errors", sorted(rx.errors.items()))
try:
    encode(0, 1, bytes(60))
except ValueError as e:
    print("ValueError:", e)
overhead = [len(encode(0, 0, bytes([v]) * 10)) for v in (0x00, 0x02, 0x10, 0x55)]
print("overhead", overhead)
