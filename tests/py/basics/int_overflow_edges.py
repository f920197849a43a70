small_max = 2**30 - 1
small_min = -(2**30)
print(small_max + 1, small_min - 1, small_max * 2, small_min * -1)
print(small_max * small_max, -small_min // 1, small_min // -1)
print(abs(small_min), -small_min, small_min % 7)
x = 1
for _ in range(70):
    x *= 2
print(x)
for _ in range(70):
    x //= 2
print(x, type(x).__name__)
print(sum(range(100000)), 46341 * 46341, 65536 * 65536)
print(1 << 31, 1 << 32, 1 << 62, (1 << 62) >> 61)
