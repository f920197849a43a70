class FrameBuffer:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pixels = bytearray(width * height)

    def pixel(self, x, y, colour):
        self.pixels[y * self.width + x] = colour

    def fill(self, colour):
        for index in range(len(self.pixels)):
            self.pixels[index] = colour

    def rows(self):
        for y in range(self.height):
            start = y * self.width
            yield "".join("#" if value else "." for value in self.pixels[start : start + self.width])
