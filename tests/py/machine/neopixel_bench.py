# rime-only: neopixel drives a pin (machine.bitstream); the host and QEMU simulate the test jig, whose GP2 is wired to GP3; the buffer layout (G, R, B, W per pixel) and the API are micropython-lib's neopixel driver's, which MicroPython's rp2 port ships
import time
import neopixel
from machine import Pin

np = neopixel.NeoPixel(Pin(2), 4)
print(len(np), np.bpp, np.n, np.timing, type(np).__name__)
np[0] = (1, 2, 3)
np[-1] = (255, 128, 0)
print(np.buf, np[0], np[3])
np.fill((9, 8, 7))
print(np.buf)
edges = []
Pin(3, Pin.IN).irq(lambda pin: edges.append(1), Pin.IRQ_RISING)
np.write()
time.sleep_ms(1)
print("write sent bits", len(edges) >= 1, Pin(2).value())
rgbw = neopixel.NeoPixel(Pin(4), 2, bpp=4, timing=0)
rgbw[1] = (1, 2, 3, 4)
print(rgbw.buf, rgbw[1], rgbw.timing)
for bad in (lambda: np.__setitem__(4, (1, 2, 3)), lambda: np.__setitem__(0, (1, 2))):
    try:
        bad()
    except IndexError as e:
        print("IndexError")


class Strip(neopixel.NeoPixel):
    def clear(self):
        self.fill((0, 0, 0))


s = Strip(Pin(5), 2)
s[1] = (5, 6, 7)
s.clear()
print(s.buf)
