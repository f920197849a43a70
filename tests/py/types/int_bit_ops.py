print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100, ~-1, ~0)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10, 5 << 0, 7 >> 1)
print(-5 & 0xFF, -5 | 0x0F, -5 ^ 3, -1 & -2)
print((1 << 40) | 1, (1 << 40) & ((1 << 41) - 1), ((1 << 64) - 1) ^ (1 << 63))
print(-(1 << 70) & 0xFFFF, (-(1 << 70)) | 1, ~(1 << 70))
x = 0
for bit in (0, 3, 5):
    x |= 1 << bit
print(x, bin(x), [bit for bit in range(8) if x >> bit & 1])
try:
    1 << -1
except ValueError:
    print("ValueError")
