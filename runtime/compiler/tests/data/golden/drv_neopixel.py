# NeoPixel (WS2812) buffer packing: GRB order, brightness, gamma, HSV wheel, effects.
from micropython import const

ORDER_GRB = (1, 0, 2)
ORDER_RGB = (0, 1, 2)
ORDER_GRBW = (1, 0, 2, 3)
_MAX = const(255)


def _gamma_table(g=2.2):
    return bytes(int(((i / 255) ** g) * 255 + 0.5) for i in range(256))


GAMMA = _gamma_table()


class PixelStrip:
    def __init__(self, n, order=ORDER_GRB, brightness=1.0):
        self.n = n
        self.order = order
        self.bpp = len(order)
        self.buf = bytearray(n * self.bpp)
        self._brightness = brightness
        self.writes = 0

    @property
    def brightness(self):
        return self._brightness

    @brightness.setter
    def brightness(self, v):
        self._brightness = min(max(v, 0.0), 1.0)

    def __len__(self):
        return self.n

    def __setitem__(self, i, color):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("pixel %d" % i)
        off = i * self.bpp
        for ch, pos in enumerate(self.order):
            self.buf[off + pos] = int(color[ch] * self._brightness) if ch < len(color) else 0

    def __getitem__(self, i):
        off = i * self.bpp
        return tuple(self.buf[off + pos] for pos in self.order)

    def fill(self, color):
        for i in range(self.n):
            self[i] = color

    def show(self):
        self.writes += 1
        return bytes(self.buf)


def wheel(pos):
    pos = 255 - (pos & 0xFF)
    if pos < 85:
        return (255 - pos * 3, 0, pos * 3)
    if pos < 170:
        pos -= 85
        return (0, pos * 3, 255 - pos * 3)
    pos -= 170
    return (pos * 3, 255 - pos * 3, 0)


def hsv_to_rgb(h, s, v):
    if s == 0:
        return (v, v, v)
    region = h // 43
    rem = (h - region * 43) * 6
    p = (v * (255 - s)) >> 8
    q = (v * (255 - ((s * rem) >> 8))) >> 8
    t = (v * (255 - ((s * (255 - rem)) >> 8))) >> 8
    return [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)][min(region, 5)]


def hexdump(b, width=12):
    return "\n".join(" ".join("%02x" % x for x in b[i:i + width]) for i in range(0, len(b), width))


strip = PixelStrip(8)
strip[0] = (255, 0, 0)
strip[1] = (0, 255, 0)
strip[-1] = (0, 0, 255)
print(hexdump(strip.show()))
print("pixel0", strip[0], "pixel7", strip[7])
strip.brightness = 0.25
strip.fill((200, 100, 50))
print("dim", strip[3], "raw", list(strip.buf[9:12]))
strip.brightness = 7
print("clamped brightness", strip.brightness)
try:
    strip[8] = (1, 1, 1)
except IndexError as e:
    print("IndexError", e)
print("wheel", [wheel(p) for p in (0, 60, 120, 200, 255)])
for h in range(0, 256, 32):
    print("hsv %3d ->" % h, hsv_to_rgb(h, 255, 200))
print("gamma", [GAMMA[i] for i in (0, 1, 32, 64, 128, 192, 255)])
rgbw = PixelStrip(3, ORDER_GRBW)
rgbw[0] = (10, 20, 30, 40)
rgbw[1] = (1, 2, 3)
print("rgbw", hexdump(rgbw.show()))
ring = PixelStrip(6, ORDER_RGB)
frames = []
for step in range(6):
    for i in range(len(ring)):
        ring[i] = wheel((i * 256 // len(ring) + step * 16) & 255)
    frames.append(sum(ring.show()) & 0xFFFF)
print("rainbow checksums", frames)
comet = PixelStrip(10)
for head in range(0, 12, 3):
    comet.fill((0, 0, 0))
    for tail in range(4):
        idx = head - tail
        if 0 <= idx < len(comet):
            comet[idx] = (GAMMA[255 >> tail],) * 3
    print("comet %2d" % head, "".join("#" if comet[i][0] > 100 else ("+" if comet[i][0] else ".") for i in range(len(comet))))
print("writes", strip.writes + rgbw.writes + ring.writes)
