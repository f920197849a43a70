print(str(123), str(-0.0), str(1e100), str(1.5e-10), str([1, [2]]), str({"k": (1,)}))
print(str("x" * 3), str(b"\x00"), str(bytearray(b"ab")), str(range(2, 5)))
print(str(True) + str(None), str(3 + 4), str(2 ** 65))
