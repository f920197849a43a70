# rime-only: Pin.irq needs a board; the host and QEMU simulate the test jig's wire from GP2 to GP3, and each result is asserted against MicroPython's rp2 semantics (soft handlers scheduled with the Pin as argument, hard ones run at once with the heap locked)
import time
from machine import Pin, Signal, disable_irq, enable_irq

print(Pin.IRQ_FALLING, Pin.IRQ_RISING, Pin.IRQ_LOW_LEVEL, Pin.IRQ_HIGH_LEVEL, Pin.OPEN_DRAIN)
hits = []


def on_edge(pin):
    hits.append((pin is listener, pin.value()))


driver = Pin(2, Pin.OUT, value=0)
listener = Pin(3, Pin.IN)
listener.irq(on_edge, Pin.IRQ_RISING | Pin.IRQ_FALLING)
driver.value(1)
time.sleep_ms(1)
driver.value(0)
time.sleep_ms(1)
assert hits == [(True, 1), (True, 0)], hits
listener.irq(handler=on_edge, trigger=Pin.IRQ_RISING)
driver.high()
driver.low()
time.sleep_ms(1)
assert len(hits) == 3 and hits[-1][0], hits
print("soft handlers run on the edges they watch")

listener.irq(None)
driver.toggle()
time.sleep_ms(1)
assert len(hits) == 3
print("no handler, no call")

state = disable_irq()
listener.irq(on_edge, Pin.IRQ_FALLING)
driver.toggle()
for _ in range(100):
    pass
held = len(hits)
enable_irq(state)
time.sleep_ms(1)
assert held == 3 and len(hits) == 4, (held, hits)
print("disable_irq holds handlers back until enable_irq")

count = [0]


def hard(pin):
    count[0] += 1


listener.irq(hard, Pin.IRQ_RISING, hard=True)
driver.on()
time.sleep_ms(1)
assert count[0] == 1


outcome = [None]


def allocating(pin):
    try:
        outcome.append([1, 2, 3])
    except MemoryError:
        outcome[0] = "MemoryError"


listener.irq(allocating, Pin.IRQ_FALLING, True)
driver.off()
time.sleep_ms(1)
assert outcome == ["MemoryError"], outcome
outcome.append("the heap is unlocked again")
print("a hard handler runs with the heap locked")

try:
    listener.irq(5)
except ValueError as e:
    print("ValueError:", e)

led = Signal(Pin(4, Pin.OUT), invert=True)
led.on()
assert Pin(4).value() == 0 and led.value() == 1
led.off()
assert Pin(4).value() == 1 and led.value() == 0
plain = Signal(Pin(5, Pin.OUT))
plain.value(1)
assert Pin(5).value() == 1
print("Signal inverts when asked")
