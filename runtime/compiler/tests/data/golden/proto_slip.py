# SLIP (RFC 1055) framing with escape handling, an incremental decoder state machine,
# and a tiny request/response layer carrying checksummed packets.
from micropython import const
import struct

END = const(0xC0)
ESC = const(0xDB)
ESC_END = const(0xDC)
ESC_ESC = const(0xDD)


def slip_encode(payload):
    out = bytearray([END])
    for b in payload:
        if b == END:
            out += bytes([ESC, ESC_END])
        elif b == ESC:
            out += bytes([ESC, ESC_ESC])
        else:
            out.append(b)
    out.append(END)
    return bytes(out)


class SlipDecoder:
    def __init__(self, max_len=64):
        self.max_len = max_len
        self.buf = bytearray()
        self.escaped = False
        self.dropped = 0

    def feed(self, data):
        for b in data:
            if b == END:
                if self.buf:
                    pkt = bytes(self.buf)
                    self.buf = bytearray()
                    yield pkt
                self.escaped = False
                continue
            if self.escaped:
                self.escaped = False
                if b == ESC_END:
                    b = END
                elif b == ESC_ESC:
                    b = ESC
                else:
                    self.dropped += 1
                    self.buf = bytearray()
                    continue
            elif b == ESC:
                self.escaped = True
                continue
            if len(self.buf) >= self.max_len:
                self.dropped += 1
                self.buf = bytearray()
                continue
            self.buf.append(b)


def sum8(data):
    return sum(data) & 0xFF


def make_packet(seq, cmd, body=b""):
    hdr = struct.pack("<BBH", seq, cmd, len(body))
    return hdr + body + bytes([sum8(hdr + body)])


def parse_packet(pkt):
    if len(pkt) < 5 or sum8(pkt[:-1]) != pkt[-1]:
        raise ValueError("bad packet")
    seq, cmd, n = struct.unpack("<BBH", pkt[:4])
    return seq, cmd, pkt[4:4 + n]


samples = [b"hello", bytes([END]), bytes([ESC]), bytes([1, END, ESC, 2, ESC, END]), b""]
for s in samples:
    e = slip_encode(s)
    dec = list(SlipDecoder().feed(e))
    print(s.hex() or "<empty>", "->", e.hex(), "decoded", [d.hex() for d in dec])
wire = bytearray()
for i, cmd in enumerate((0x10, 0x20, 0x21, 0x7F)):
    body = bytes([END, i, ESC]) * i
    wire += slip_encode(make_packet(i, cmd, body))
wire += bytes([END, 1, 2, ESC, 0x55, 3, END])
wire += slip_encode(b"z" * 80)
wire += slip_encode(make_packet(9, 0x01, b"ok"))
dec = SlipDecoder()
got = []
for i in range(0, len(wire), 5):
    got.extend(dec.feed(wire[i:i + 5]))
print("packets", len(got), "dropped", dec.dropped)
for p in got:
    try:
        seq, cmd, body = parse_packet(p)
        print("  seq=%d cmd=0x%02x body=%s" % (seq, cmd, body.hex()))
    except ValueError as e:
        print("  error:", e, p[:8])
handlers = {
    0x10: lambda b: b"pong",
    0x20: lambda b: bytes(reversed(b)),
    0x21: lambda b: struct.pack("<H", len(b)),
}
responses = []
for p in got:
    try:
        seq, cmd, body = parse_packet(p)
    except ValueError:
        continue
    fn = handlers.get(cmd)
    resp = fn(body) if fn else b"\xee"
    responses.append(slip_encode(make_packet(seq, cmd | 0x80, resp)))
print("responses", [r.hex() for r in responses])
