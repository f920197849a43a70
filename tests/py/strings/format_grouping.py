for value in (0, 999, 1000, 123456, 1234567, -1234567, 10**12):
    print("{:,}".format(value), "{:_}".format(value))
print("{:_x}".format(0xdeadbeef), "{:_b}".format(255), "{:_o}".format(8**6))
print("{:>12,}".format(1234567), "{:012,}".format(1234))
