for value in (0, 7, 64, 255, 1000, -42):
    print(value, hex(value), oct(value), bin(value), "%x %o" % (value, value), "{:x} {:o} {:b}".format(value, value, value))
