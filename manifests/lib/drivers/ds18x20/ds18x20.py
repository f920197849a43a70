# DS18x20 temperature sensor driver.

from micropython import const

_CONVERT = const(0x44)
_RD_SCRATCH = const(0xBE)


class DS18X20:
    def __init__(self, onewire):
        self.ow = onewire
        self.buf = bytearray(9)

    def convert_temp(self):
        self.ow.reset(True)
        self.ow.writebyte(self.ow.SKIP_ROM)
        self.ow.writebyte(_CONVERT)

    def read_temp(self, rom):
        self.ow.select_rom(rom)
        self.ow.writebyte(_RD_SCRATCH)
        for index in range(9):
            self.buf[index] = self.ow.readbyte()
        value = self.buf[0] | self.buf[1] << 8
        if value & 0x8000:
            value -= 0x10000
        return value / 16
