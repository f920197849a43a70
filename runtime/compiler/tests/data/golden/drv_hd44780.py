# HD44780 character LCD driver over a PCF8574 I2C backpack: 4-bit nibble protocol,
# command encoding, DDRAM addressing, custom characters, and a simulated controller.
from micropython import const

_RS = const(0x01)
_EN = const(0x04)
_BL = const(0x08)
CMD_CLEAR = const(0x01)
CMD_HOME = const(0x02)
CMD_ENTRY = const(0x04)
CMD_DISPLAY = const(0x08)
CMD_FUNCTION = const(0x20)
CMD_CGRAM = const(0x40)
CMD_DDRAM = const(0x80)
ROW_OFFSETS = (0x00, 0x40, 0x14, 0x54)


class SimLCD:
    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.ddram = bytearray(b" " * 0x80)
        self.cgram = bytearray(64)
        self.addr = 0
        self.cg_mode = False
        self.nibble = None
        self.i2c_writes = 0
        self.commands = []

    def i2c_write(self, byte):
        self.i2c_writes += 1
        if byte & _EN:
            self._latch = byte
            return
        b = self._latch
        if self.nibble is None:
            self.nibble = b & 0xF0
            return
        value = self.nibble | (b >> 4)
        self.nibble = None
        if b & _RS:
            self._data(value)
        else:
            self._command(value)

    def _command(self, v):
        self.commands.append(v)
        if v == CMD_CLEAR:
            self.ddram[:] = b" " * 0x80
            self.addr, self.cg_mode = 0, False
        elif v & CMD_DDRAM:
            self.addr, self.cg_mode = v & 0x7F, False
        elif v & CMD_CGRAM:
            self.addr, self.cg_mode = v & 0x3F, True

    def _data(self, v):
        if self.cg_mode:
            self.cgram[self.addr] = v
            self.addr = (self.addr + 1) & 0x3F
        else:
            self.ddram[self.addr] = v
            self.addr = (self.addr + 1) & 0x7F

    def screen(self):
        return [bytes(self.ddram[o:o + self.cols]).decode() for o in ROW_OFFSETS[:self.rows]]


class LCD:
    def __init__(self, bus, cols=16, rows=2):
        self.bus, self.cols, self.rows = bus, cols, rows
        self.backlight = _BL
        # note: real init sends 0x03 nibbles three times; the simulation starts in 4-bit mode
        for c in (CMD_FUNCTION | 0x08, CMD_DISPLAY | 0x04, CMD_CLEAR, CMD_ENTRY | 0x02):
            self.command(c)

    def _nibble(self, n, rs):
        b = (n & 0xF0) | rs | self.backlight
        self.bus.i2c_write(b | _EN)
        self.bus.i2c_write(b)

    def _send(self, v, rs):
        self._nibble(v & 0xF0, rs)
        self._nibble((v << 4) & 0xF0, rs)

    def command(self, c):
        self._send(c, 0)

    def move(self, col, row):
        self.command(CMD_DDRAM | (ROW_OFFSETS[row] + col))

    def write(self, text):
        for ch in text:
            self._send(ord(ch) if isinstance(ch, str) else ch, _RS)

    def custom_char(self, slot, rows):
        self.command(CMD_CGRAM | (slot << 3))
        for r in rows:
            self._send(r, _RS)

    def clear(self):
        self.command(CMD_CLEAR)


sim = SimLCD(20, 4)
lcd = LCD(sim, 20, 4)
lcd.write("Hello, Pico!")
lcd.move(0, 1)
lcd.write("T=%5.1fC H=%3d%%" % (21.46, 45))
lcd.move(15, 2)
lcd.write("ABCDEFGH")
lcd.move(2, 3)
lcd.write("row four")
for line in sim.screen():
    print("|%s|" % line)
degree = [0b00110, 0b01001, 0b01001, 0b00110, 0, 0, 0, 0]
lcd.custom_char(1, degree)
print("cgram slot1", list(sim.cgram[8:16]))
lcd.clear()
lcd.write([ord("2"), ord("1"), 1, ord("C")])
print("after clear", repr(sim.screen()[0][:6]))
print("commands", ["%02x" % c for c in sim.commands])
print("i2c writes", sim.i2c_writes)
bars = "".join(chr(0x30 + min(9, int(v / 10))) for v in (5, 15, 47, 99, 100))
lcd.move(0, 1)
lcd.write(bars)
print("bars row", repr(sim.screen()[1].rstrip()))
