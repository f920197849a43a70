print(2**30 - 1, 2**30, 2**31, -2**30, -2**30 - 1, 2**62, 2**63 - 1, 2**64 + 1)
big = 12345678901234567890123456789
print(big, -big, big + 1, big - big, big * big, big // 7, big % 7)
print(big // -7, -big // 7, -big % 7, big % -7)
print(2**100 >> 50, 1 << 100, (2**100 + 1) & 0xFFFF, -(2**80) >> 3)
print(big == big + 0, big > 2**90, big < 2**100, -big < 0)
print(int(str(big)) == big, len(str(2**1000)), str(2**200)[-5:])
print((2**64) // (2**32), (2**64 - 1) % 1000, 10**40 // 10**20)
print(hash(2**70) == hash(2**70), bool(2**70), bool(2**70 - 2**70))
