# Compresses sensor packets for a radio link: run-length encoding for
# repetitive data, then COBS framing so 0x00 can mark packet ends.
import gc


def rle_encode(data):
    out = bytearray()
    i = 0
    while i < len(data):
        run = 1
        while i + run < len(data) and data[i + run] == data[i] and run < 255:
            run += 1
        out.append(run)
        out.append(data[i])
        i += run
    return bytes(out)


def rle_decode(data):
    out = bytearray()
    for i in range(0, len(data), 2):
        for _ in range(data[i]):
            out.append(data[i + 1])
    return bytes(out)


def cobs_encode(data):
    out = bytearray([0])
    code_at = 0
    code = 1
    for byte in data:
        if byte == 0:
            out[code_at] = code
            code_at = len(out)
            out.append(0)
            code = 1
        else:
            out.append(byte)
            code += 1
            if code == 0xFF:
                out[code_at] = code
                code_at = len(out)
                out.append(0)
                code = 1
    out[code_at] = code
    return bytes(out)


def cobs_decode(data):
    out = bytearray()
    i = 0
    while i < len(data):
        code = data[i]
        if code == 0:
            raise ValueError("zero byte inside a COBS frame")
        for byte in data[i + 1 : i + code]:
            out.append(byte)
        i += code
        if code < 0xFF and i < len(data):
            out.append(0)
    return bytes(out)


samples = [
    bytes([0] * 20 + [7] * 12 + [0, 1, 2, 3]),
    b"\x11\x22\x00\x00\x00\x33",
    bytes(range(1, 40)),
    b"",
]
for packet in samples:
    packed = rle_encode(packet)
    framed = cobs_encode(packed)
    assert 0 not in framed
    back = rle_decode(cobs_decode(framed))
    print("%2d bytes -> rle %2d -> cobs %2d, ok %s" % (len(packet), len(packed), len(framed), back == packet))
print("cobs", cobs_encode(b"\x11\x00\x00\x22").hex())
print("long run", cobs_encode(bytes(range(1, 255)) * 2)[:3].hex(), len(cobs_encode(bytes(range(1, 255)) * 2)))
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
