import colorsys2


class Strip:
    def __init__(self, length):
        self.pixels = [(0, 0, 0)] * length

    def __setitem__(self, index, colour):
        self.pixels[index] = colour

    def hex(self):
        return [colorsys2.rgb_to_hex(*pixel) for pixel in self.pixels]
