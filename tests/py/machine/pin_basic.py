# rime-only: machine.Pin needs a board; the host and QEMU simulate a Pico's pins (expected output checked by hand against MicroPython's rp2 port)
import machine
from machine import Pin

print(Pin.IN, Pin.OUT, Pin.PULL_UP, Pin.PULL_DOWN)

led = Pin(25, Pin.OUT)
led.off()
print("off", led.value())
led.on()
print("on", led.value())
led.toggle()
print("toggle", led.value())
led.value(1)
print("value(1)", led.value())
led.value(0)
print("value(0)", led.value())

# One GPIO, whichever object names it: by number, by board name, by Pin.
named = Pin("LED")
named.on()
print("LED", led.value(), named.value(), Pin(led).value(), Pin("GP25").value(), Pin("GPIO25").value())
named.toggle()
print("LED toggled", led.value())

# An input reads its pull resistor.
button = Pin(14, Pin.IN, Pin.PULL_UP)
print("pull up", button.value())
button.init(pull=Pin.PULL_DOWN)
print("pull down", button.value())
button.init(Pin.IN, Pin.PULL_UP)
print("pull up again", button.value())

# value= is driven before the pin becomes an output.
out = Pin(15, mode=Pin.OUT, value=1)
print("value=1", out.value())
out.init(value=0)
print("value= without a mode is ignored", out.value())
