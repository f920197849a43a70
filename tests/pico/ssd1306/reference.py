# In the pinned MicroPython (WebAssembly, no machine.I2C): the same driver and
# picture over a stand-in bus that takes the driver's writes, then the
# driver's buffer (the display RAM's layout: 8 pages of 128 column bytes).
import scene
import ssd1306


class Bus:
    def writeto(self, address, data):
        pass

    def writevto(self, address, parts):
        pass


display = ssd1306.SSD1306_I2C(128, 64, Bus())
scene.draw(display)
print(bytes(display.buffer).hex())
