print(int("10"), int("10", 2), int("10", 8), int("10", 16), int("z", 36), int("Z", 36))
print(int("0x1f", 16), int("0o17", 8), int("0b11", 2), int("0x1f", 0), int("0b11", 0), int("017", 8))
print(int("  42  "), int("-42"), int("+42"), int("1_000_000"), int("-0"))
print(int("123456789012345678901234567890"), int("-ffffffffffffffffffff", 16))
print(int(3.99), int(-3.99), int(1e20), int(True), int(b"12") if 0 else 12)
for text, base in (("", 10), ("12a", 10), ("2", 2), ("0x", 16), ("1 2", 10)):
    try:
        int(text, base)
    except ValueError:
        print("ValueError", repr(text), base)
try:
    int("1", 37)
except ValueError:
    print("bad base")
class Integral:
    def __int__(self):
        return 7
print(int(Integral()))
