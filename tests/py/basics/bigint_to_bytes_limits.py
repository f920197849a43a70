# int.to_bytes: two's complement of negative values, and OverflowError when
# the value does not fit the length (small and big ints).
for v, n in ((255, 1), (256, 1), (-128, 1), (-129, 1), (-256, 1), (-257, 1), (2**64 - 1, 8), (2**64, 8), (-(2**64), 8), (-(2**64) - 1, 8), (0, 0), (1, 0), (-1, 0), (2**31, 4), (2**32, 4), (-(2**70), 4), (2**70, 9), (2**72, 9), (-(2**71), 9)):
    try:
        print(v, n, v.to_bytes(n, "little"))
    except OverflowError as e:
        print(v, n, "OverflowError", e)
print((-1).to_bytes(2, "little"), (-(2**70)).to_bytes(12, "big"), (-300).to_bytes(4, "little"))
try:
    print((2**70).to_bytes(4, "little"))
except OverflowError as e:
    print("OverflowError", e)
print(int.from_bytes(b"\xff" * 20, "big") == 2**160 - 1, (2**100).to_bytes(20, "big"))
