# machine.SPI(0, bits=16) on the emulated Pico, whose jig loops SPI0's MOSI back to MISO and reports the frames it saw with their size. MicroPython's rp2 port sets 16-bit frames with spi_set_format and still moves bytes: each byte of the buffer is one frame, its high 8 bits zero, and each byte read is the low 8 bits of the frame received. Expected output, from that: the bus as MicroPython prints it (the Pico SDK's divider for 1 MHz from the 125 MHz peripheral clock is 2 x 63, so 992063 Hz), then the bytes sent coming back unchanged (the stage checks the frames: 16 bits, 0x0012, 0x0034, 0x00ab, 0x0000).
from machine import SPI, Pin

spi = SPI(0, 1_000_000, bits=16, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
print(spi)
received = bytearray(4)
spi.write_readinto(b"\x12\x34\xab\x00", received)
print(received.hex())
spi.deinit()
