n = 2**53 + 1
print(float(n), n == float(n), n - 1 == float(n - 1))
print(2**70 / 2**68, 2**70 * 0.5, 2**100 + 0.0, 1e20 < 2**67)
print(int(1e20), int(-2.5e19), int(float(2**60)) == 2**60)
print(2**70 // 3.0, 2**70 % 7.0, divmod(2**70, 2.0)[0] > 0)
print(round(2**70 / 3), abs(-(2**70)) == 2**70)
print(str(-(2**70)), repr(-(2**70) + 1), len(str(-(10**40))))
