# sys.maxsize is the largest 32-bit signed int (as on MicroPython's 32-bit
# ports), a big int that mixes with computed ones; floats beyond it convert
# to big ints exactly.
import sys

print(sys.maxsize, sys.maxsize + 1 - 1 == sys.maxsize, type(sys.maxsize))
bits = 0
value = sys.maxsize
while value:
    value >>= 1
    bits += 1
print(bits)
print(int(2.0**100), "%d" % 2.0**64, int(-1.999999879 * 2.0**127))
print(int(1418774543.0), int(1e22), int(-2.5e20), int(1.5e300) % 1000)
for i in (31, 62, 63, 100, 1023):
    print(i, len(bin(int(2.0**i))) - 3)
