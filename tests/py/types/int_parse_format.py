for text in ("0", "-0", "007", "1_2", "  -12  ", "+5"):
    print(repr(text), int(text))
for value in (0, 1, -1, 255, -256, 2**40):
    print(value, str(value), repr(value), "%d" % value, "{}".format(value))
print(int("1" * 30) % 97, int("-" + "9" * 25) // 10**20)
