# Run-length encoding (string and bytes variants), roman numerals both
# directions with validation, and number-to-words.


def rle_encode(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    n = 1
    for c in s[1:]:
        if c == prev and n < 9:
            n += 1
        else:
            out.append("%d%s" % (n, prev))
            prev, n = c, 1
    out.append("%d%s" % (n, prev))
    return "".join(out)


def rle_decode(s):
    return "".join(s[i + 1] * int(s[i]) for i in range(0, len(s), 2))


def rle_bytes(data):
    out = bytearray()
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 255:
            j += 1
        out.append(j - i)
        out.append(data[i])
        i = j
    return bytes(out)


def unrle_bytes(data):
    out = bytearray()
    for i in range(0, len(data), 2):
        out.extend(bytes([data[i + 1]]) * data[i])
    return bytes(out)


ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError("out of range: %d" % n)
    out = []
    for v, sym in ROMAN:
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def from_roman(s):
    total = 0
    for i, c in enumerate(s):
        if c not in VALUES:
            raise ValueError("bad numeral %r" % c)
        v = VALUES[c]
        if i + 1 < len(s) and VALUES.get(s[i + 1], 0) > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise ValueError("non-canonical %r" % s)
    return total


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n):
    if n < 0:
        return "minus " + words(-n)
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + words(n % 100) if n % 100 else "")
    for div, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")):
        if n >= div:
            rest = n % div
            return words(n // div) + " " + name + ((", " if rest >= 100 else " and ") + words(rest) if rest else "")


for s in ("aaabccddddd", "abc", "", "zzzzzzzzzzzz", "aabbaa"):
    e = rle_encode(s)
    print("rle %-14r -> %-16r ok=%s" % (s, e, rle_decode(e) == s))
raw = bytes([0] * 10 + [255] * 3 + [7] + [0] * 300)
enc = rle_bytes(raw)
print("rle bytes:", len(raw), "->", len(enc), enc[:10], unrle_bytes(enc) == raw)
for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999):
    r = to_roman(n)
    print("%4d = %-12s back=%d" % (n, r, from_roman(r)))
for bad in ("IIII", "VX", "MMMM", "IC", "ABC", "XM"):
    try:
        print(bad, from_roman(bad))
    except ValueError as e:
        print("invalid:", e)
try:
    to_roman(0)
except ValueError as e:
    print("error:", e)
for n in (0, 7, 13, 21, 99, 100, 101, 342, 1000, 1001, 12345, 1000000, 2147483647, -45):
    print("%d: %s" % (n, words(n)))
