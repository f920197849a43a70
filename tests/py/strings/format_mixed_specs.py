row = "{:<6}|{:>6}|{:^6}|{:06.2f}|{:+d}"
for name, value in (("a", 1.5), ("bb", -2.25), ("ccc", 10.0)):
    print(row.format(name, len(name), name[0], value, int(value)))
print("{:>8.3s}|{:<+8.1f}|{:^#8x}".format("abcdef", 3.14159, 255))
