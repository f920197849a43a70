print(abs(-5), abs(5), abs(0), abs(-0))
print(abs(-2.5), abs(2.5), abs(-0.0))
print(abs(True), abs(False))
print(abs(-2**70), abs(2**70))
print(abs(-2**31), abs(-2**30), abs(-2**62))
print(abs(float("-inf")))
class Neg:
    def __abs__(self):
        return "absolute"
print(abs(Neg()))
try:
    abs("x")
except TypeError:
    print("TypeError")
