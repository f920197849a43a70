# rime-only: machine.SoftI2C needs pins; the host and QEMU simulate the test jig, whose I2C devices (an EEPROM at 0x50 and an SSD1306 at 0x3C) also answer on GP8 (SDA) and GP9 (SCL) bit by bit, and each result is asserted against the parts' data sheets and MicroPython's SoftI2C (ENODEV for an address nobody acknowledges, writes counting acknowledged bytes)
from machine import Pin, SoftI2C

i2c = SoftI2C(scl=Pin(9), sda=Pin(8), freq=100000)
print(i2c)
assert i2c.scan() == [0x3C, 0x50], i2c.scan()
print("scan finds the display and the EEPROM bit by bit")
assert i2c.writeto(0x50, b"\x40soft") == 5
assert i2c.readfrom_mem(0x50, 0x40, 4) == b"soft"
i2c.writeto_mem(0x50, 0x48, b"\x01\x02")
buf = bytearray(3)
i2c.readfrom_mem_into(0x50, 0x47, buf)
assert buf == b"\xff\x01\x02", buf
i2c.writevto(0x50, (b"\x50", b"ab", b"c"))
assert i2c.readfrom_mem(0x50, 0x50, 3) == b"abc"
print("the EEPROM reads back what was written")

# The primitives: a write by hand, then a read by hand.
i2c.start()
assert i2c.write(bytes([0x50 << 1, 0x60, 0x11, 0x22])) == 4
i2c.stop()
i2c.start()
i2c.write(bytes([0x50 << 1, 0x60]))
i2c.start()
i2c.write(bytes([(0x50 << 1) | 1]))
pair = bytearray(2)
i2c.readinto(pair)
i2c.stop()
assert pair == b"\x11\x22", pair
print("start, write, readinto and stop drive the bus")

try:
    i2c.writeto(0x51, b"x")
except OSError as e:
    print("OSError", e.errno)
i2c.start()
print(i2c.write(bytes([0x51 << 1, 1, 2])))
i2c.stop()
try:
    SoftI2C(scl=Pin(9))
except TypeError as e:
    print("TypeError")
print(SoftI2C(Pin(9), Pin(8), freq=300000))
