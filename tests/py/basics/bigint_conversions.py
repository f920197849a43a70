text = "123456789" * 4
n = int(text)
print(n, str(n) == text, int("-" + text) == -n)
print(int("f" * 20, 16), int("1" * 70, 2), int("z" * 12, 36))
print(hex(-(2**70)), oct(2**70 + 1), bin(-(2**65)))
print("%d" % 2**70, "%x" % 2**70, "{}".format(-(2**70)))
print(int(" 1000000000000000000000 "), int("+12345678901234567890"))
print(bool(2**70), bool(2**70 - 2**70), hash(2**70) == hash(2**70))
