import neopixel
from machine import Pin

strip = neopixel.NeoPixel(Pin(15), 2)
strip[0] = (0x12, 0x34, 0x56)
strip[1] = (0xFF, 0x00, 0x81)
strip.write()
print("sent")
