for value in (0, 5, 255, -255, 65535):
    print("{:d} {:b} {:o} {:x} {:X} {:#b} {:#o} {:#x} {:#X}".format(value, value, value, value, value, value, value, value, value))
print("{:c}{:c}".format(72, 105), "{:n}".format(1234))
print("{:08b}".format(5), "{:#010x}".format(255), "{:>#8o}".format(8))
print("{:d}".format(2**70), "{:x}".format(2**70), "{:,}".format(2**70))
