# An asyncio scheduler blinking several LEDs at different rates, with a
# supervisor that stops them. On a board the LEDs are machine.Pin outputs;
# on the host each pin change is printed instead.
import asyncio
import gc
import sys

if sys.platform == "rp2":
    from machine import Pin
else:
    class Pin:
        OUT = 1

        def __init__(self, name, mode=None):
            self.name = name
            self.level = 0

        def value(self, level):
            self.level = level
            print("  %s -> %s" % (self.name, "on" if level else "off"))


class Clock:
    # Scheduler rounds, so the output does not depend on real time.
    def __init__(self):
        self.now = 0


async def blink(pin, period, clock, stop):
    level = 0
    toggles = 0
    while not stop.is_set():
        if clock.now % period == 0:
            level ^= 1
            pin.value(level)
            toggles += 1
        await asyncio.sleep(0)
    pin.value(0)
    return toggles


async def tick(clock, rounds, stop):
    for _ in range(rounds):
        print("t=%d" % clock.now)
        await asyncio.sleep(0)
        clock.now += 1
    stop.set()


async def main():
    clock = Clock()
    stop = asyncio.Event()
    leds = [Pin("led_green", Pin.OUT), Pin("led_red", Pin.OUT), Pin("led_blue", Pin.OUT)]
    tasks = [asyncio.create_task(blink(led, period, clock, stop)) for led, period in zip(leds, (1, 2, 3))]
    await tick(clock, 6, stop)
    toggles = await asyncio.gather(*tasks)
    print("toggles", toggles)


asyncio.run(main())
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
