# rime-only: machine.Pin needs a board; the host and QEMU simulate a Pico's pins (expected output checked by hand against MicroPython's rp2 port)
import machine
from machine import Pin

for bad in (-1, 30, 1000, "nope", "GP30"):
    try:
        Pin(bad)
        print("accepted", bad)
    except ValueError as error:
        print("ValueError", error)

try:
    Pin(2.5)
except TypeError:
    print("TypeError for a float id")

try:
    Pin.value(5)
except TypeError:
    print("TypeError for a receiver that is not a Pin")

print(type(machine.freq()), machine.freq() > 0)
uid = machine.unique_id()
print(type(uid), len(uid))
