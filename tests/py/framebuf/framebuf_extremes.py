# rime-only: MicroPython's WebAssembly build runs out of memory on these coordinates (its poly keeps a node array per vertex and walks every row), so the expected output is checked by hand: shapes with coordinates far outside the buffer draw what falls inside and end quickly, and beyond ±2**20 (far past any frame buffer) rime refuses them with ValueError instead of running for minutes or overflowing
import framebuf
from array import array

buf = bytearray(8)
fb = framebuf.FrameBuffer(buf, 8, 8, framebuf.MONO_VLSB)
fb.line(-100000, -100000, 100000, 100000, 1)
fb.ellipse(3, 3, 100000, 2, 1)
fb.poly(0, 0, array("i", [-100000, -100000, 100000, 0, 0, 100000]), 1, True)
fb.blit(fb, -100000, 100000)
fb.scroll(-100000, 100000)
print(buf)
for action in (
    lambda: fb.line(0, 0, 1 << 30, 1 << 30, 1),
    lambda: fb.ellipse(0, 0, 1 << 31, 1 << 31, 1),
    lambda: fb.poly(0, 0, array("i", [0, 0, 0, 1 << 30, 5, 5]), 1, True),
    lambda: fb.blit(fb, -(1 << 31), 0),
    lambda: fb.text("x", 0, (1 << 31) - 1),
):
    try:
        action()
        print("drawn")
    except (ValueError, OverflowError):
        print("refused")
print(buf)
