# rime-only: machine.UART, SPI and ADC need a board; the host and QEMU simulate the test jig (UART1 TX looped to RX on GP4/GP5, SPI0 MOSI looped to MISO, ADC0 at 1.000 V of 3.3 V, GP2 wired to GP3), and each result is asserted against that wiring and MicroPython's rp2 API
from machine import UART, SPI, ADC, Pin

uart = UART(1, 115200, tx=Pin(4), rx=Pin(5), timeout=10)
print(uart)
assert uart.any() == 0
assert uart.read() is None, "nothing came within the timeout"
assert uart.write(b"hello\nworld") == 11
assert uart.any() == 11
assert uart.readline() == b"hello\n"
assert uart.read(3) == b"wor"
buf = bytearray(8)
assert uart.readinto(buf) == 2 and buf[:2] == b"ld"
uart.write("text")
assert uart.read() == b"text"
uart.flush()
assert uart.txdone()
print("UART1 reads back what it sent")
print(UART(0))
for bad in (lambda: UART(2), lambda: UART(1, tx=Pin(0)), lambda: UART(0, rx=Pin(4))):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

spi = SPI(0, 1_000_000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
print(spi)
assert spi.read(3, 0xA5) == b"\xa5\xa5\xa5"
into = bytearray(4)
spi.write_readinto(b"\x01\x02\x03\x04", into)
assert into == b"\x01\x02\x03\x04"
spi.readinto(into, 0x42)
assert into == b"BBBB"
spi.write(b"ignored")
print("SPI0 reads back what it sent")
print(SPI(1))
assert SPI(1).read(2) == b"\xff\xff", "nothing drives SPI1's MISO"
for bad in (lambda: SPI(2), lambda: SPI(0, sck=Pin(10)), lambda: SPI(1, miso=Pin(16))):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

adc = ADC(Pin(26))
print(adc, ADC(0), ADC(ADC.CORE_TEMP))
volts = adc.read_u16() * 3.3 / 65535
assert abs(volts - 1.0) < 0.01, volts
temperature = 27 - (ADC(4).read_u16() * 3.3 / 65535 - 0.706) / 0.001721
assert abs(temperature - 27) < 1, temperature
assert ADC(1).read_u16() == 0
print("ADC0 reads 1.0 V and the sensor 27 C")

out, into = Pin(2, Pin.OUT), Pin(3, Pin.IN)
out.value(1)
assert into.value() == 1
out.value(0)
assert into.value() == 0
print("GP3 follows GP2")
