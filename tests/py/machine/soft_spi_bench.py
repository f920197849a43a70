# rime-only: machine.SoftSPI needs pins; the host and QEMU simulate the test jig, whose SPI0 MOSI (GP19) is wired to its MISO (GP16), so a bit-banged bus on those pins reads back what it sends; repr and errors checked by hand against MicroPython's extmod SoftSPI
from machine import Pin, SoftSPI

spi = SoftSPI(baudrate=100000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
print(spi)
assert spi.read(3, 0x5A) == b"ZZZ"
buf = bytearray(4)
spi.write_readinto(b"\x01\x80\xff\x3c", buf)
assert buf == b"\x01\x80\xff\x3c"
spi.init(polarity=1, phase=1, firstbit=SoftSPI.LSB)
spi.readinto(buf, 0xC3)
assert buf == b"\xc3\xc3\xc3\xc3"
spi.write(b"ignored")
print(spi)
print("SoftSPI on the looped pins reads back what it sends")
for bad in (lambda: SoftSPI(sck=Pin(18), mosi=Pin(19)), lambda: SoftSPI(bits=7, sck=1, mosi=2, miso=3)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(SoftSPI(baudrate=300000, sck=10, mosi=11, miso=12))
