print(bin(0), bin(1), bin(5), bin(-5), bin(255))
print(oct(0), oct(8), oct(-8), oct(511))
print(hex(0), hex(15), hex(255), hex(-255), hex(4096))
print(bin(2**40), hex(2**64), oct(2**33))
print(hex(-2**70), bin(-2**35))
print(int(bin(1234), 2), int(hex(1234), 16), int(oct(1234), 8))
print(hex(True), bin(False))
class Index:
    def __index__(self):
        return 10
try:
    hex(1.5)
except TypeError:
    print("TypeError")
