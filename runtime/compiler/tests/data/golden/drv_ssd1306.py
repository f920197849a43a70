# SSD1306-style monochrome display driver: page-organised framebuffer, pixels, lines,
# rectangles, a 3x5 font, and the command stream sent to the controller.
from micropython import const

_SET_CONTRAST = const(0x81)
_DISPLAY_ON = const(0xAF)
_DISPLAY_OFF = const(0xAE)
_SET_MEM_MODE = const(0x20)
_COL_ADDR = const(0x21)
_PAGE_ADDR = const(0x22)
WIDTH = const(32)
HEIGHT = const(16)
_PAGES = const(HEIGHT // 8)

FONT = {
    "0": (7, 5, 5, 5, 7), "1": (2, 6, 2, 2, 7), "2": (7, 1, 7, 4, 7),
    "3": (7, 1, 3, 1, 7), "4": (5, 5, 7, 1, 1), "5": (7, 4, 7, 1, 7),
    "C": (7, 4, 4, 4, 7), "H": (5, 5, 7, 5, 5), "I": (7, 2, 2, 2, 7),
    "O": (7, 5, 5, 5, 7), ":": (0, 2, 0, 2, 0), " ": (0, 0, 0, 0, 0),
}


class Display:
    def __init__(self, width=WIDTH, height=HEIGHT):
        self.width, self.height = width, height
        self.buf = bytearray(width * (height // 8))
        self.commands = []
        self.frames = 0
        self.init_display()

    def cmd(self, *bytes_):
        self.commands.extend(bytes_)

    def init_display(self):
        for c in (_DISPLAY_OFF, _SET_MEM_MODE, 0x00, _SET_CONTRAST, 0x7F, _DISPLAY_ON):
            self.cmd(c)

    def contrast(self, v):
        self.cmd(_SET_CONTRAST, v & 0xFF)

    def pixel(self, x, y, c=None):
        if not (0 <= x < self.width and 0 <= y < self.height):
            return 0
        idx = (y >> 3) * self.width + x
        bit = 1 << (y & 7)
        if c is None:
            return 1 if self.buf[idx] & bit else 0
        if c:
            self.buf[idx] |= bit
        else:
            self.buf[idx] &= ~bit & 0xFF

    def fill(self, c):
        v = 0xFF if c else 0
        for i in range(len(self.buf)):
            self.buf[i] = v

    def hline(self, x, y, w, c=1):
        for i in range(w):
            self.pixel(x + i, y, c)

    def vline(self, x, y, h, c=1):
        for i in range(h):
            self.pixel(x, y + i, c)

    def rect(self, x, y, w, h, c=1):
        self.hline(x, y, w, c)
        self.hline(x, y + h - 1, w, c)
        self.vline(x, y, h, c)
        self.vline(x + w - 1, y, h, c)

    def line(self, x0, y0, x1, y1, c=1):
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx = 1 if x0 < x1 else -1
        sy = 1 if y0 < y1 else -1
        err = dx + dy
        while True:
            self.pixel(x0, y0, c)
            if x0 == x1 and y0 == y1:
                break
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def text(self, s, x, y):
        for ch in s:
            for row, bits in enumerate(FONT.get(ch, FONT[" "])):
                for col in range(3):
                    if bits & (4 >> col):
                        self.pixel(x + col, y + row, 1)
            x += 4

    def show(self):
        self.cmd(_COL_ADDR, 0, self.width - 1, _PAGE_ADDR, 0, _PAGES - 1)
        self.frames += 1
        return bytes(self.buf)

    def ascii(self):
        return ["".join("#" if self.pixel(x, y) else "." for x in range(self.width))
                for y in range(self.height)]


d = Display()
d.text("HI 42", 1, 1)
d.rect(0, 8, 32, 8)
d.line(2, 10, 29, 13)
for row in d.ascii():
    print(row)
data = d.show()
print("bytes", len(data), "lit", sum(bin(b).count("1") for b in data))
print("page0", data[:16].hex())
print("page1", data[32:48].hex())
d.fill(0)
d.text("12:05", 0, 0)
d.line(0, 15, 31, 6)
for row in d.ascii()[::3]:
    print(row)
d.contrast(0x20)
d.show()
print("commands", " ".join("%02x" % c for c in d.commands))
print("frames", d.frames, "off-screen read", d.pixel(40, 3))
d.fill(1)
print("filled", d.show().count(b"\xff"))
