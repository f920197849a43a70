# Operators on two small ints at the edges of the small-int range (30 bits
# plus sign) and of each operator's domain, plain and in place, and byte
# indexing of bytes and bytearray with small-int indices.

big = 1 << 29
print(big * 2, big * 4, -big * 2, -big * 2 - 1, big + big, -big - big - 1)
print((1 << 30) - 1 + 1, -(1 << 30) // -1, -(1 << 30) * -1)
print(12345 * 54321, 32767 * 32767, -46341 * 46341)
for a in (7, -7, 0, 1, -1, 1073741823, -1073741824):
    for b in (2, -2, 3, -3, 1, -1):
        print(a, b, a // b, a % b, a & b, a | b, a ^ b, a < b, a >= b, a == b, a != b)
for shift in (0, 1, 29, 30, 31, 32, 63, 64, 100):
    print(shift, 1 << shift, -1 << shift, 3 << shift, 1 >> shift, -1 >> shift, -12345 >> shift)
for a, b in ((5, 0), (0, 0), (-5, 0)):
    try:
        print(a // b)
    except ZeroDivisionError:
        print("ZeroDivisionError //", a)
    try:
        print(a % b)
    except ZeroDivisionError:
        print("ZeroDivisionError %", a)
for shift in (-1, -100):
    try:
        print(1 << shift)
    except ValueError:
        print("ValueError <<", shift)
    try:
        print(1 >> shift)
    except ValueError:
        print("ValueError >>", shift)
x = 6
x //= 4
print(x)
x = -6
x %= 4
print(x)
x = 3
x <<= 30
print(x)
x = 1 << 29
x *= 2
print(x)
x = 12
x &= 10
x |= 1
x ^= 7
x >>= 1
print(x)
print(2 ** 10, 2 ** -1, 7 / 2, 1 / 1)

data = bytes(range(250, 256)) + b"abc"
print(data[0], data[5], data[-1], data[-9], len(data))
for index in (9, -10, 1 << 29, -(1 << 29)):
    try:
        print(data[index])
    except IndexError:
        print("IndexError", index)
buffer = bytearray(b"hello")
buffer[0] = 72
buffer[-1] = 255
buffer[1] = 0
print(buffer, buffer[0], buffer[-1], buffer[1])
for index, value in ((5, 1), (-6, 1), (0, 256), (0, -1), (1 << 29, 1)):
    try:
        buffer[index] = value
        print(buffer)
    except IndexError:
        print("IndexError", index)
    except ValueError:
        print("ValueError", value)
buffer[2] = True
print(buffer)
empty = bytearray()
try:
    empty[0] = 1
except IndexError:
    print("IndexError empty")
key = bytearray(4)
for i in range(4):
    key[i] = (i * 77) ^ 0x5A
print(list(key), key[0] ^ key[1] ^ data[2])
