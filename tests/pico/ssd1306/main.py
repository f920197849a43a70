# On the emulated Pico: micropython-lib's ssd1306 driver on I2C0 (GP9 SCL,
# GP8 SDA), where the jig's SSD1306 at 0x3C keeps what it receives in its
# display RAM; the stage compares that RAM with reference.py's buffer.
from machine import I2C, Pin

import scene
import ssd1306

display = ssd1306.SSD1306_I2C(128, 64, I2C(0, scl=Pin(9), sda=Pin(8), freq=400000))
scene.draw(display)
print("shown")
