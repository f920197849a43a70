# 1-Wire driver for MicroPython-compatible runtimes.

import _onewire as _ow


class OneWireError(Exception):
    pass


class OneWire:
    SEARCH_ROM = 0xF0
    MATCH_ROM = 0x55
    SKIP_ROM = 0xCC

    def __init__(self, pin):
        self.pin = pin
        self.pin.init(pin.OPEN_DRAIN, pin.PULL_UP)

    def reset(self, required=False):
        present = _ow.reset(self.pin)
        if required and not present:
            raise OneWireError
        return present

    def readbyte(self):
        return _ow.readbyte(self.pin)

    def writebyte(self, value):
        return _ow.writebyte(self.pin, value)

    def select_rom(self, rom):
        self.reset()
        self.writebyte(self.MATCH_ROM)
        for byte in rom:
            self.writebyte(byte)
