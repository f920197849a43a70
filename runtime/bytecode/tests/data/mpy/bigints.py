big = 123456789012345678901234567890
neg = -98765432109876543210
edge_hi = 1073741824
edge_lo = -1073741825
pow_big = 2 ** 100
shifted = 1 << 40
mixed = (1, 100000, 2 ** 64)
hexval = 0xFFFFFFFFFFFFFFFF
print(big, neg, edge_hi, edge_lo, pow_big, shifted, mixed, hexval)
print(big * neg + 1)
