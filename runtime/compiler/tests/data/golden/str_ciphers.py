# Classical ciphers: Caesar, ROT13, Vigenere, Atbash, rail fence, XOR with
# hex output, and a frequency-analysis attack on Caesar.

ALPHA = "abcdefghijklmnopqrstuvwxyz"


def shift_char(c, k):
    if "a" <= c <= "z":
        return chr((ord(c) - 97 + k) % 26 + 97)
    if "A" <= c <= "Z":
        return chr((ord(c) - 65 + k) % 26 + 65)
    return c


def caesar(text, k):
    return "".join(shift_char(c, k) for c in text)


def rot13(text):
    return caesar(text, 13)


def vigenere(text, key, decrypt=False):
    out = []
    ki = 0
    for c in text:
        if c.isalpha():
            k = ord(key[ki % len(key)].lower()) - 97
            out.append(shift_char(c, -k if decrypt else k))
            ki += 1
        else:
            out.append(c)
    return "".join(out)


def atbash(text):
    out = []
    for c in text:
        if "a" <= c <= "z":
            out.append(chr(122 - (ord(c) - 97)))
        elif "A" <= c <= "Z":
            out.append(chr(90 - (ord(c) - 65)))
        else:
            out.append(c)
    return "".join(out)


def rail_fence(text, rails):
    rows = [[] for _ in range(rails)]
    r, step = 0, 1
    for c in text:
        rows[r].append(c)
        if rails > 1:
            if r == 0:
                step = 1
            elif r == rails - 1:
                step = -1
            r += step
    return "".join("".join(row) for row in rows)


def rail_fence_decode(cipher, rails):
    n = len(cipher)
    pattern = []
    r, step = 0, 1
    for _ in range(n):
        pattern.append(r)
        if rails > 1:
            if r == 0:
                step = 1
            elif r == rails - 1:
                step = -1
            r += step
    order = sorted(range(n), key=lambda i: (pattern[i], i))
    out = [""] * n
    for ch, idx in zip(cipher, order):
        out[idx] = ch
    return "".join(out)


def xor_hex(data, key):
    return "".join("%02x" % (b ^ key[i % len(key)]) for i, b in enumerate(data))


def from_hex_xor(hx, key):
    raw = bytes(int(hx[i:i + 2], 16) for i in range(0, len(hx), 2))
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(raw))


ENGLISH = "etaoinshrdlcumwfgypbvkjxqz"


def crack_caesar(cipher):
    best = None
    for k in range(26):
        cand = caesar(cipher, -k)
        score = 0
        for c in cand.lower():
            if c in ENGLISH:
                score += 26 - ENGLISH.index(c)
        if best is None or score > best[0]:
            best = (score, k, cand)
    return best[1], best[2]


msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
for k in (1, 3, 13, 25, -4, 52):
    enc = caesar(msg, k)
    print("caesar %3d: %s | back ok: %s" % (k, enc, caesar(enc, -k) == msg))
print("rot13 twice:", rot13(rot13(msg)) == msg, rot13("Hello"))
for key in ("LEMON", "pico", "a"):
    enc = vigenere("attack at dawn, Attack At Dawn", key)
    print("vigenere %-5s: %s -> %s" % (key, enc, vigenere(enc, key, decrypt=True)))
print("atbash:", atbash(msg), atbash(atbash(msg)) == msg)
for rails in (1, 2, 3, 4):
    enc = rail_fence("WEAREDISCOVEREDFLEEATONCE", rails)
    print("rail %d: %s %s" % (rails, enc, rail_fence_decode(enc, rails)))
hx = xor_hex(b"secret message", b"key")
print("xor hex:", hx, from_hex_xor(hx, b"key"))
secret = caesar("meet me near the old oak tree at seven in the evening", 11)
k, plain = crack_caesar(secret)
print("cracked key:", k, "text:", plain)
table = {c: caesar(c, 3) for c in ALPHA[:8]}
print("table:", sorted(table.items()))
