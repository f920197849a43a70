# XMODEM-CRC file transfer between a sender and receiver generator, over a channel
# that drops or corrupts selected packets; resend on NAK, duplicate detection, EOT.
from micropython import const

SOH = const(0x01)
EOT = const(0x04)
ACK = const(0x06)
NAK = const(0x15)
CRC_MODE = const(0x43)  # 'C'
_BLOCK = const(128)


def crc16_xmodem(data):
    crc = 0
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def packet(num, block):
    block = block + bytes([0x1A]) * (_BLOCK - len(block))
    c = crc16_xmodem(block)
    return bytes([SOH, num & 0xFF, 0xFF - (num & 0xFF)]) + block + bytes([c >> 8, c & 0xFF])


def sender(data):
    blocks = [data[i:i + _BLOCK] for i in range(0, len(data), _BLOCK)]
    reply = yield None  # wait for 'C'
    assert reply == CRC_MODE
    i = 0
    while i < len(blocks):
        reply = yield packet(i + 1, blocks[i])
        if reply == ACK:
            i += 1
    while (yield bytes([EOT])) != ACK:
        pass


def receive(pkt, expected, out):
    if pkt == bytes([EOT]):
        return ACK, expected, True
    if len(pkt) != _BLOCK + 5 or pkt[0] != SOH or pkt[1] + pkt[2] != 0xFF:
        return NAK, expected, False
    body = pkt[3:3 + _BLOCK]
    if crc16_xmodem(body) != (pkt[-2] << 8 | pkt[-1]):
        return NAK, expected, False
    if pkt[1] == (expected - 1) & 0xFF:
        return ACK, expected, False  # duplicate
    if pkt[1] != expected & 0xFF:
        return NAK, expected, False
    out.extend(body)
    return ACK, expected + 1, False


def transfer(data, faults):
    tx = sender(data)
    next(tx)
    pkt = tx.send(CRC_MODE)
    out = bytearray()
    expected, n, log = 1, 0, []
    while True:
        n += 1
        fault = faults.get(n)
        if fault == "drop":
            log.append("%d:drop" % n)
            pkt = tx.send(NAK)
            continue
        if fault == "corrupt":
            pkt = pkt[:10] + bytes([pkt[10] ^ 0xFF]) + pkt[11:]
        resp, expected, done = receive(pkt, expected, out)
        log.append("%d:%s" % (n, "ACK" if resp == ACK else "NAK"))
        if done:
            try:
                tx.send(ACK)
            except StopIteration:
                pass
            break
        pkt = tx.send(resp)
    return bytes(out).rstrip(b"\x1a"), log


payload = bytes((i * 7 + 3) & 0xFF for i in range(300)).replace(b"\x1a", b"\x1b")
print("crc16('123456789') = 0x%04x" % crc16_xmodem(b"123456789"))
print("packet header", packet(1, b"hi")[:5].hex(), "len", len(packet(1, b"hi")))
for faults in ({}, {2: "corrupt"}, {1: "drop", 3: "corrupt", 4: "corrupt"}):
    got, log = transfer(payload, faults)
    print("faults", sorted(faults.items()), "->", "ok" if got == payload else "BAD", len(got), log)
