print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1))
print(bool(""), bool("a"), bool([]), bool([0]), bool(()), bool((0,)))
print(bool({}), bool({0: 0}), bool(set()), bool(None), bool(range(0)), bool(range(1)))
print(bool(b""), bool(b"\x00"), bool(bytearray()), bool(2**80))
print(True + True, True * 10, False - 1, True / 2)
print(int(True), float(False), str(True), repr(False))
print(True == 1, False == 0, True is True, not True)
class Empty:
    def __len__(self):
        return 0
class Full:
    def __bool__(self):
        return True
print(bool(Empty()), bool(Full()), bool(object()))
print(type(True), type(True == 1))
