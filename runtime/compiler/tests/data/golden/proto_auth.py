# Authenticated command frames: HMAC-SHA256 built from hashlib.sha256, truncated tags,
# replay protection with counters, and constant-time comparison.
import hashlib
import struct
from micropython import const

_BLOCK = const(64)
_TAG_LEN = const(8)


def hmac_sha256(key, msg):
    if len(key) > _BLOCK:
        key = hashlib.sha256(key).digest()
    key = key + bytes(_BLOCK - len(key))
    ipad = bytes(k ^ 0x36 for k in key)
    opad = bytes(k ^ 0x5C for k in key)
    inner = hashlib.sha256(ipad + msg).digest()
    return hashlib.sha256(opad + inner).digest()


def ct_equal(a, b):
    if len(a) != len(b):
        return False
    diff = 0
    for x, y in zip(a, b):
        diff |= x ^ y
    return diff == 0


class AuthError(Exception):
    pass


class Endpoint:
    def __init__(self, key):
        self.key = key
        self.tx_counter = 0
        self.rx_counter = -1

    def seal(self, cmd, payload=b""):
        self.tx_counter += 1
        body = struct.pack(">IB", self.tx_counter, cmd) + payload
        return body + hmac_sha256(self.key, body)[:_TAG_LEN]

    def open(self, frame):
        if len(frame) < 5 + _TAG_LEN:
            raise AuthError("short")
        body, tag = frame[:-_TAG_LEN], frame[-_TAG_LEN:]
        if not ct_equal(tag, hmac_sha256(self.key, body)[:_TAG_LEN]):
            raise AuthError("bad tag")
        counter, cmd = struct.unpack(">IB", body[:5])
        if counter <= self.rx_counter:
            raise AuthError("replay %d" % counter)
        self.rx_counter = counter
        return cmd, body[5:]


print("sha256('abc') =", hashlib.sha256(b"abc").digest().hex())
h = hashlib.sha256()
h.update(b"a")
h.update(b"bc")
print("incremental equal:", h.digest() == hashlib.sha256(b"abc").digest())
print("hmac rfc4231 #2:", hmac_sha256(b"Jefe", b"what do ya want for nothing?").hex())
print("long key:", hmac_sha256(b"k" * 100, b"msg").hex()[:32])
key = bytes(range(16))
door, ctl = Endpoint(key), Endpoint(key)
frames = [ctl.seal(1, b"unlock"), ctl.seal(2), ctl.seal(3, b"\x00\x10")]
for f in frames:
    print("frame", f.hex(), "->", door.open(f))
tests = [("replay", frames[0]), ("tamper", frames[2][:6] + b"\x11" + frames[2][7:]),
         ("wrong key", Endpoint(b"other").seal(1)), ("short", b"\x00\x01")]
for name, f in tests:
    try:
        door.open(f)
        print(name, "accepted?!")
    except AuthError as e:
        print(name, "-> AuthError:", e)
print("ct_equal", ct_equal(b"abc", b"abc"), ct_equal(b"abc", b"abd"), ct_equal(b"a", b"ab"))
