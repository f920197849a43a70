# Hand-written base64, base32 and hex codecs, cross-checked against binascii.
import binascii

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64URL = B64[:62] + "-_"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_REV64 = {c: i for i, c in enumerate(B64)}


def b64encode(data, alphabet=B64, pad=True):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        chars = [alphabet[(n >> s) & 63] for s in (18, 12, 6, 0)]
        keep = len(chunk) + 1
        out.append("".join(chars[:keep]) + ("=" * (4 - keep) if pad else ""))
    return "".join(out)


def b64decode(text):
    text = text.rstrip("=")
    rev = _REV64
    out = bytearray()
    bits = nbits = 0
    for ch in text:
        if ch in "\r\n ":
            continue
        if ch not in rev:
            raise ValueError("invalid char %r" % ch)
        bits = (bits << 6) | rev[ch]
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    return bytes(out)


def b32encode(data):
    out = []
    for i in range(0, len(data), 5):
        chunk = data[i:i + 5]
        n = int.from_bytes(chunk + bytes(5 - len(chunk)), "big")
        chars = "".join(B32[(n >> (35 - 5 * k)) & 31] for k in range(8))
        used = (len(chunk) * 8 + 4) // 5
        out.append(chars[:used] + "=" * (8 - used))
    return "".join(out)


def b32decode(text):
    text = text.rstrip("=")
    bits = nbits = 0
    out = bytearray()
    for ch in text:
        bits = (bits << 5) | B32.index(ch)
        nbits += 5
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    return bytes(out)


def hexencode(data, sep=""):
    digits = "0123456789abcdef"
    return sep.join(digits[b >> 4] + digits[b & 15] for b in data)


def hexdecode(text):
    text = text.replace(" ", "").replace(":", "")
    if len(text) % 2:
        raise ValueError("odd length")
    return bytes(int(text[i:i + 2], 16) for i in range(0, len(text), 2))


samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(250, 256)), b"\x00\x00\x01"]
for s in samples:
    mine = b64encode(s)
    ref = binascii.b2a_base64(s).decode().strip()
    print("%-14s b64=%-12s %s b32=%s" % (hexencode(s), mine, "ok" if mine == ref else "MISMATCH", b32encode(s)))
    assert b64decode(mine) == s
    assert b32decode(b32encode(s)) == s
print("urlsafe", b64encode(bytes([251, 255, 191]), B64URL, pad=False))
text = "MicroPython on the Pico: 264KB RAM, dual Cortex-M0+ @ 133MHz"
enc = b64encode(text.encode())
wrapped = "\n".join(enc[i:i + 20] for i in range(0, len(enc), 20))
print(wrapped)
print("decoded equal:", b64decode(wrapped).decode() == text)
print("binascii decode equal:", binascii.a2b_base64(enc.encode()) == text.encode())
h = hexencode(b"\xde\xad\xbe\xef", ":")
print("hex", h, hexdecode(h), binascii.hexlify(hexdecode(h)), binascii.unhexlify(b"cafe"))
for bad in ("abc", "zz"):
    try:
        print(hexdecode(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    b64decode("ab$d")
except ValueError as e:
    print("ValueError:", e)
lengths = [(n, len(b64encode(bytes(n))), len(b32encode(bytes(n)))) for n in range(0, 11, 2)]
print("lengths", lengths)
