print(float(), float(1), float(-3), float("1.5"), float("  -2.25  "), float("1e3"))
print(float("inf"), float("-inf"), float("Infinity"), float("nan"), float(".5"), float("5."))
print(float(True), float(2**53), float(-2**63))
print(float("1_000.5"), float("0x10") if 0 else 16.0)
for bad in ("", "abc", "1.2.3", "1e"):
    try:
        float(bad)
    except ValueError:
        print("ValueError", repr(bad))
class Conv:
    def __float__(self):
        return 4.5
print(float(Conv()))
print(type(float(1)), float(1) == 1, float("-0") == 0)
