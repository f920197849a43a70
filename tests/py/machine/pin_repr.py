# rime-only: machine.Pin needs a board; the expected output follows MicroPython's rp2 port (machine_pin_print in ports/rp2/machine_pin.c: "Pin(GPIOn, mode=M[, pull=P])"), checked by hand
from machine import Pin

led = Pin(25, Pin.OUT)
print(led)
button = Pin(3, Pin.IN, Pin.PULL_UP)
print(button, [button])
print(Pin(4, Pin.OPEN_DRAIN))
print(Pin(6, Pin.IN, Pin.PULL_DOWN))
button.init(pull=None)
print(repr(button), str(button) == repr(button))
