# Every drawing method of framebuf on every format, compared byte for byte
# with MicroPython: the buffers' hex after pseudo-random lines, rectangles,
# ellipses, polygons, text, scrolls and blits.
import framebuf
from array import array

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


formats = [
    ("MONO_VLSB", framebuf.MONO_VLSB, 1, 16 * 3),
    ("MONO_HLSB", framebuf.MONO_HLSB, 1, 2 * 20),
    ("MONO_HMSB", framebuf.MONO_HMSB, 1, 2 * 20),
    ("GS2_HMSB", framebuf.GS2_HMSB, 3, 4 * 20),
    ("GS4_HMSB", framebuf.GS4_HMSB, 15, 8 * 20),
    ("GS8", framebuf.GS8, 255, 16 * 20),
    ("RGB565", framebuf.RGB565, 0xFFFF, 32 * 20),
]


def check(name, buf):
    total = 0
    for index, byte in enumerate(buf):
        total = (total * 31 + byte + index) & 0xFFFFFF
    print(name, hex(total), bytes(buf[:12]).hex())


for name, fmt, top, size in formats:
    buf = bytearray(size)
    fb = framebuf.FrameBuffer(buf, 15, 19, fmt)
    fb.fill(0)
    for _ in range(12):
        fb.line(rand(30) - 8, rand(30) - 8, rand(30) - 8, rand(30) - 8, 1 + rand(top))
    check(name + " lines", buf)
    fb.fill(0)
    for _ in range(6):
        fb.rect(rand(20) - 4, rand(20) - 4, rand(12), rand(12), 1 + rand(top), rand(2))
        fb.fill_rect(rand(20) - 4, rand(20) - 4, rand(9) - 1, rand(9) - 1, rand(top + 1))
        fb.hline(rand(20) - 4, rand(22) - 2, rand(14), 1 + rand(top))
        fb.vline(rand(20) - 2, rand(22) - 4, rand(14), 1 + rand(top))
    check(name + " rects", buf)
    fb.fill(0)
    for _ in range(6):
        fb.ellipse(rand(20) - 2, rand(20) - 2, rand(9), rand(9), 1 + rand(top), rand(2), rand(16))
    fb.ellipse(7, 9, 0, 0, 1)
    fb.ellipse(7, 9, 6, 8, top)
    check(name + " ellipses", buf)
    fb.fill(0)
    fb.poly(2, 1, array("h", [0, 0, 10, 3, 4, 14, -1, 8]), top, True)
    fb.poly(0, 0, array("b", [1, 1, 13, 1, 7, 17]), 1)
    fb.poly(3, 3, array("h", [0, 0, 8, 0, 8, 8, 4, 4, 0, 8]), 1 + rand(top), 1)
    fb.poly(3, 3, array("h"), 1, 1)
    check(name + " polygons", buf)
    fb.fill(0)
    fb.text("Hi!", 0, 0, top)
    fb.text("~{|}", -3, 9)
    fb.text("\xe9\x01", 2, 14, 1)
    check(name + " text", buf)
    fb.scroll(3, -2)
    check(name + " scroll", buf)
    fb.scroll(-5, 4)
    check(name + " scroll back", buf)
    fb.scroll(20, 0)
    check(name + " scroll too far", buf)
    print(name, fb.pixel(1, 1), fb.pixel(20, 1), fb.pixel(-1, 0), fb.pixel(2, 2, top), fb.pixel(2, 2))

# blit with a key and a palette, and from a tuple source.
sprite_buf = bytearray(8)
sprite = framebuf.FrameBuffer(sprite_buf, 8, 8, framebuf.MONO_HLSB)
sprite.text("x", 0, 0, 1)
palette = framebuf.FrameBuffer(bytearray(4), 2, 1, framebuf.RGB565)
palette.pixel(0, 0, 0x1234)
palette.pixel(1, 0, 0xF800)
screen_buf = bytearray(2 * 16 * 12)
screen = framebuf.FrameBuffer(screen_buf, 16, 12, framebuf.RGB565)
screen.fill(7)
screen.blit(sprite, 3, 2, 0x1234, palette)
screen.blit(sprite, -4, 7, -1, palette)
screen.blit((sprite_buf, 8, 8, framebuf.MONO_HLSB), 12, -3)
screen.blit(sprite, 16, 0)
check("blit", screen_buf)
