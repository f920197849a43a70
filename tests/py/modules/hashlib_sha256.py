# hashlib.sha256: one-shot and incremental digests (FIPS 180-4 test
# vectors); after digest() the object takes no more data.
import binascii
import hashlib


def hexdigest(data):
    return binascii.hexlify(hashlib.sha256(data).digest()).decode()


print(hexdigest(b""))
print(hexdigest(b"abc"))
print(hexdigest(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
print(hexdigest(b"a" * 55), hexdigest(b"a" * 56)[:16], hexdigest(b"a" * 64)[:16])
h = hashlib.sha256()
h.update(b"ab")
h.update(bytearray(b"c"))
first = h.digest()
print(first == hashlib.sha256(b"abc").digest(), len(first), type(first).__name__)
for again in (lambda: h.update(b"d"), h.digest):
    try:
        again()
    except ValueError as error:
        print("ValueError", error)
print(hashlib.sha256("text").digest() == hashlib.sha256(b"text").digest())
try:
    hashlib.sha256(5)
except TypeError:
    print("TypeError")
