big = 2**70
print(-big & 0xFF, -big | 1, -big ^ 5, ~big, ~-big)
print((-big) >> 3, (-big - 1) >> 69, (-1) >> 100, -(2**100) >> 99)
print(-big & big, (big - 1) & -(2**35), (-big) | (-(2**40)))
print(big & -1 == big, -1 & -big == -big, (2**64 - 1) ^ -1)
print((-(2**65) + 7) % 2**32, (-(2**65)) // 2**33)
