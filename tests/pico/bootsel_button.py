# The BOOTSEL button through rp2.bootsel_button(), on the test jig whose GP20 presses the button while it drives high (tests/reference/pico-jig.mjs; the host's simulated machine is wired the same way). Expected output, from that wiring and MicroPython's rp2 API (1 while the button is pressed, else 0): not pressed at first, pressed while GP20 is high, released after; then the firmware goes on running code from flash.
import rp2
from machine import Pin

print("released:", rp2.bootsel_button())
press = Pin(20, Pin.OUT, value=1)
print("pressed:", rp2.bootsel_button())
print("still pressed:", sum(rp2.bootsel_button() for _ in range(100)))
press.value(0)
print("released again:", rp2.bootsel_button())
press.init(Pin.IN)
print("GP20 an input:", rp2.bootsel_button())


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("code from flash after 102 reads:", fib(15))
