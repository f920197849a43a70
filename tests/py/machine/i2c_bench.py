# rime-only: machine.I2C needs a board; the host and QEMU simulate the test jig (an EEPROM at 0x50 and an SSD1306 at 0x3C on I2C0, GP9 SCL, GP8 SDA), and each result is asserted against the parts' data sheets and MicroPython's rp2 I2C API
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(9), sda=Pin(8), freq=100000)
print(i2c)
assert i2c.scan() == [0x3C, 0x50]
print("scan finds the display and the EEPROM")

# An EEPROM write: the word address, then the data; a read continues from
# the address pointer, which auto-increments.
assert i2c.writeto(0x50, b"\x10hello") == 6
assert i2c.readfrom_mem(0x50, 0x10, 5) == b"hello"
assert i2c.readfrom_mem(0x50, 0x0E, 3) == b"\xff\xffh"
buf = bytearray(4)
i2c.writeto(0x50, b"\x11", False)
i2c.readfrom_into(0x50, buf)
assert buf == b"ello"
i2c.writeto_mem(0x50, 0x20, b"abc")
assert i2c.readfrom(0x50, 2) == b"\xff\xff", "the pointer stands after the write"
i2c.writevto(0x50, (b"\x30", b"xy", bytearray(b"z")))
assert i2c.readfrom_mem(0x50, 0x30, 3) == b"xyz"
into = bytearray(2)
i2c.readfrom_mem_into(0x50, 0x31, into)
assert into == b"yz"
i2c.writeto_mem(0x50, 0x40, memoryview(b"0123456789")[2:5])
assert i2c.readfrom_mem(0x50, 0x40, 3, addrsize=8) == b"234"
print("the EEPROM reads back what was written")

# No device at 0x51 or 0x42: a write NACKs with EIO, an empty write (a
# probe) with ENODEV, as MicroPython's rp2 port reports them.
for action, errno in (
    (lambda: i2c.writeto(0x51, b"x"), 5),
    (lambda: i2c.writeto(0x51, b""), 19),
    (lambda: i2c.readfrom(0x42, 1), 5),
):
    try:
        action()
        print("no error")
    except OSError as e:
        print("OSError", e.errno == errno, e)

for bad in (lambda: I2C(0, scl=Pin(8)), lambda: I2C(0, sda=Pin(9)), lambda: I2C(2)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(I2C(1))
print(I2C(0, 400000, scl=Pin(13), sda=Pin(12), timeout=1000))
