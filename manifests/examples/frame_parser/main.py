# A binary protocol parser: frames of `0xAA, type, length, payload, checksum`
# arrive in arbitrary chunks; the parser reassembles them, checks the
# checksum and decodes the payload with struct.
import gc
import struct

SYNC = 0xAA
TYPES = {1: ("temperature", "<h"), 2: ("humidity", "<H"), 3: ("position", "<ii"), 4: ("status", "<BBH")}


def checksum(data):
    total = 0
    for byte in data:
        total = (total + byte) & 0xFF
    return (~total) & 0xFF


def frame(kind, payload):
    body = bytes([kind, len(payload)]) + payload
    return bytes([SYNC]) + body + bytes([checksum(body)])


class Parser:
    def __init__(self):
        self.buffer = bytearray()
        self.errors = 0

    def feed(self, chunk):
        for byte in chunk:
            self.buffer.append(byte)
        frames = []
        while True:
            start = self.buffer.find(bytes([SYNC]))
            if start < 0:
                self.buffer = bytearray()
                return frames
            if start:
                self.buffer = self.buffer[start:]
            if len(self.buffer) < 3:
                return frames
            length = self.buffer[2]
            end = 3 + length + 1
            if len(self.buffer) < end:
                return frames
            body = bytes(self.buffer[1 : end - 1])
            if checksum(body) == self.buffer[end - 1]:
                frames.append(self.decode(body[0], body[2:]))
                self.buffer = self.buffer[end:]
            else:
                self.errors += 1
                self.buffer = self.buffer[1:]

    def decode(self, kind, payload):
        name, layout = TYPES.get(kind, ("unknown", None))
        if layout is None or struct.calcsize(layout) != len(payload):
            return (name, payload.hex())
        return (name,) + struct.unpack(layout, payload)


stream = (
    frame(1, struct.pack("<h", -125))
    + b"\x00\x13"
    + frame(2, struct.pack("<H", 5512))
    + frame(3, struct.pack("<ii", 1000, -2000))
)
broken = bytearray(frame(4, struct.pack("<BBH", 1, 2, 300)))
broken[-1] ^= 0xFF
stream += bytes(broken) + frame(4, struct.pack("<BBH", 7, 0, 65535)) + frame(9, b"\x01\x02")
parser = Parser()
for offset in range(0, len(stream), 5):
    for decoded in parser.feed(stream[offset : offset + 5]):
        print("frame", decoded)
print("checksum errors", parser.errors, "left over", len(parser.buffer))
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
