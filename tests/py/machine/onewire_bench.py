# rime-only: onewire needs a board; the host and QEMU simulate the test jig, whose GP22 carries a DS18B20 (ROM code 28 52 49 4D 45 01 00 and its CRC F9, 85 C in its scratchpad until the first conversion, then 21.5 C; TH 75, TL 70, configuration 0x7F) with the bus's pull-up, and GP21 nothing but its own pull-up; the expected output follows from that wiring, the DS18B20 data sheet and MicroPython's onewire API (scan() lists bytearrays, reset() is True or False, reset(True) raises OneWireError when nothing answers, crc8 is 0 over a block ending in its CRC)
import onewire
from machine import Pin


class Thermometer:
    # The DS18B20's function commands, as a driver of the sensor uses them.
    CONVERT = 0x44
    READ = 0xBE
    WRITE = 0x4E

    def __init__(self, bus):
        self.bus = bus
        self.scratch = bytearray(9)

    def sensors(self):
        return [code for code in self.bus.scan() if code[0] == 0x28]

    def convert_all(self):
        self.bus.reset(True)
        self.bus.writebyte(self.bus.SKIP_ROM)
        self.bus.writebyte(self.CONVERT)

    def scratchpad(self, code):
        self.bus.reset(True)
        self.bus.select_rom(code)
        self.bus.writebyte(self.READ)
        self.bus.readinto(self.scratch)
        if self.bus.crc8(self.scratch):
            raise ValueError("scratchpad CRC")
        return self.scratch

    def celsius(self, code):
        raw = self.scratchpad(code)
        sixteenths = raw[0] | raw[1] << 8
        if sixteenths & 0x8000:
            sixteenths -= 0x10000
        return sixteenths / 16

    def set_alarms(self, code, high, low):
        self.bus.reset(True)
        self.bus.select_rom(code)
        self.bus.writebyte(self.WRITE)
        self.bus.write(bytes([high, low, 0x7F]))


bus = onewire.OneWire(Pin(22))
print(bus.SEARCH_ROM, bus.MATCH_ROM, bus.SKIP_ROM, onewire.OneWire.SKIP_ROM)
print("presence:", bus.reset())

# The search finds the one sensor; its code ends with its CRC.
codes = bus.scan()
print(codes)
code = codes[0]
print(type(code).__name__, len(code), hex(code[0]), bus.crc8(code), hex(bus.crc8(code[:7])))

# READ ROM gives the same code, byte by byte and bit by bit.
bus.reset()
bus.writebyte(0x33)
print(bus.readbyte() == code[0])
bits = [bus.readbit() for _ in range(8)]
print(bits, code[1])
rest = bytearray(6)
bus.readinto(rest)
print(rest == code[2:])

# Through a driver: 85 C from power-up, 21.5 C after a conversion.
sensor = Thermometer(bus)
found = sensor.sensors()
print(found == codes)
print(sensor.celsius(code))
sensor.convert_all()
print("conversion done:", bus.readbit())
print(sensor.celsius(code))
print(sensor.scratch[2], sensor.scratch[3], hex(sensor.scratch[4]), hex(sensor.scratch[8]))

# WRITE SCRATCHPAD changes TH and TL; the CRC follows.
sensor.set_alarms(code, 30, 10)
print(sensor.celsius(code), list(sensor.scratch[2:5]), bus.crc8(sensor.scratch))

# Another ROM code selects nobody: the line stays high.
bus.select_rom(bytes([0x28, 0, 0, 0, 0, 0, 0, 0]))
bus.writebyte(Thermometer.READ)
print(bus.readbyte(), bus.readbit())

# A bit written by hand: SKIP ROM bit by bit, then CONVERT T.
bus.reset()
for i in range(8):
    bus.writebit((0xCC >> i) & 1)
bus.writebyte(Thermometer.CONVERT)
print("conversion done:", bus.readbit())

# Nothing on GP21: no presence, no device found.
empty = onewire.OneWire(Pin(21))
print("presence:", empty.reset(), empty.scan())
try:
    empty.reset(True)
except onewire.OneWireError as error:
    print("OneWireError", repr(error), isinstance(error, Exception))
print(issubclass(onewire.OneWireError, Exception), onewire.OneWire.__name__)
print(bus.crc8(b"\x02\x1c\xb8\x01\x00\x00\x00"), bus.crc8(b""))
