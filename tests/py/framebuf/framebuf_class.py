# FrameBuffer as display drivers use it: subclassed with super().__init__
# (as micropython-lib's ssd1306 does), constructor errors, memoryview and
# array buffers, and the legacy FrameBuffer1.
import framebuf
from array import array


class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pages = height // 8
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, self.width, self.height, framebuf.MONO_VLSB)

    def show(self):
        return bytes(self.buffer)


d = Display(32, 16)
d.fill(0)
d.text("ok", 0, 0, 1)
d.rect(20, 2, 10, 12, 1)
d.line(0, 15, 31, 8, 1)
print(d.show().hex())
print(isinstance(d, framebuf.FrameBuffer), type(d).__name__, d.width, d.pages)
print(d.pixel(21, 2), d.pixel(0, 9))

for args in [
    (bytearray(7), 8, 8, framebuf.MONO_VLSB),
    (bytearray(8), 0, 8, framebuf.MONO_VLSB),
    (bytearray(8), 8, 8, 9),
    (bytes(8), 8, 8, framebuf.MONO_VLSB),
    (bytearray(8), 8, 8, framebuf.MONO_VLSB, 4),
    (bytearray(2), 3, 4, framebuf.MONO_HLSB),
    (bytearray(3), 3, 4, framebuf.MONO_HLSB),
    (bytearray(16), 3, 4, framebuf.MONO_HLSB, 9),
    (bytearray(15), 3, 4, framebuf.GS4_HMSB, 9),
]:
    try:
        framebuf.FrameBuffer(*args)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

m = bytearray(40)
fb = framebuf.FrameBuffer(memoryview(m)[8:], 8, 4, framebuf.GS8)
fb.fill_rect(1, 1, 3, 2, 9)
print(m.hex())
a = array("H", [0] * 12)
fb = framebuf.FrameBuffer(a, 4, 3, framebuf.RGB565)
fb.line(0, 0, 3, 2, 0xABCD)
print(list(a))
try:
    framebuf.FrameBuffer1(bytearray(8), 8, 8, 0)
except ValueError:
    print("FrameBuffer1 stride below width: ValueError")
legacy = framebuf.FrameBuffer1(bytearray(8), 8, 8)
legacy.pixel(2, 3, 1)
print(legacy.pixel(2, 3), type(legacy).__name__)
try:
    fb.text(5, 0, 0)
except TypeError:
    print("text needs a str")
