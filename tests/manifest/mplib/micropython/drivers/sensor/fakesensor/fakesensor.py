import crcutil


class Sensor:
    def __init__(self, readings):
        self.readings = list(readings)

    def read(self):
        value = self.readings.pop(0)
        frame = bytes([value >> 8, value & 0xFF])
        return value, crcutil.crc8(frame)
