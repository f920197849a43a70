# Number base conversion: arbitrary radix to/from strings (including
# negative and big numbers), balanced ternary, base-36 ids, two's
# complement views, BCD, and float to binary fraction expansion.

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, b):
    if not 2 <= b <= 36:
        raise ValueError("base out of range")
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return ("-" if neg else "") + "".join(reversed(out))


def from_base(s, b):
    s = s.strip().lower()
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    n = 0
    for ch in s:
        d = DIGITS.find(ch)
        if d < 0 or d >= b:
            raise ValueError("digit %r invalid for base %d" % (ch, b))
        n = n * b + d
    return -n if neg else n


def balanced_ternary(n):
    if n == 0:
        return "0"
    out = []
    while n:
        r = n % 3
        if r == 2:
            out.append("-")
            n = n // 3 + 1
        else:
            out.append(str(r))
            n //= 3
    return "".join(reversed(out))


def twos(n, bits):
    return to_base(n & ((1 << bits) - 1), 2).rjust(bits, "0") if hasattr("", "rjust") else ("{:0%db}" % bits).format(n & ((1 << bits) - 1))


def to_bcd(n):
    out = 0
    shift = 0
    while True:
        out |= (n % 10) << shift
        n //= 10
        shift += 4
        if not n:
            return out


def from_bcd(b):
    n = 0
    mul = 1
    while b:
        n += (b & 0xF) * mul
        b >>= 4
        mul *= 10
    return n


def frac_binary(x, places):
    whole = int(x)
    frac = x - whole
    bits = []
    for _ in range(places):
        frac *= 2
        bit = int(frac)
        bits.append(str(bit))
        frac -= bit
    return to_base(whole, 2) + "." + "".join(bits)


for n in (0, 1, 7, 255, -255, 1000, 2 ** 64, -(3 ** 40)):
    print("%-22d b2=%s" % (n, to_base(n, 2)[:40]))
    print("%-22s b7=%s b16=%s b36=%s" % ("", to_base(n, 7), to_base(n, 16), to_base(n, 36)))
for s, b in (("ff", 16), ("-777", 8), ("zz", 36), ("101010", 2), ("rime", 36), ("HELLO", 36)):
    v = from_base(s, b)
    print("from_base(%r, %d) = %d check=%s builtin=%s" % (s, b, v, to_base(v, b) == s.lower(), int(s, b) == v))
for bad in (("129", 8), ("g", 16), ("12", 40)):
    try:
        from_base(*bad) if bad[1] <= 36 else to_base(5, bad[1])
    except ValueError as e:
        print("error:", e)
print("balanced ternary:", [balanced_ternary(n) for n in (0, 1, 2, 3, 4, 5, -1, -5, 13, 100)])
for n in (5, -5, 127, -128, -1):
    print("twos(%d, 8) = %s" % (n, twos(n, 8)))
for n in (0, 9, 42, 1234, 99999):
    b = to_bcd(n)
    print("bcd %d = 0x%x back=%d" % (n, b, from_bcd(b)))
for x in (0.5, 0.1, 3.75, 10.625, 0.3333):
    print("binary %.4f = %s" % (x, frac_binary(x, 12)))
ids = [to_base(1000000 + i * 7919, 36) for i in range(6)]
print("base36 ids:", ids, [from_base(i, 36) for i in ids][:3])
print("builtins:", hex(48879), oct(511), bin(-10), int("0b1101", 0) if True else 0, int("0o17", 0), int("0x1F", 0))
