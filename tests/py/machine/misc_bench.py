# rime-only: these machine functions need a board; the host and QEMU simulate the test jig's GP2-GP3 wire, and the results are checked by hand against MicroPython rp2's (RTC starting at 2021-01-01 00:00:00, a Friday; reset causes 1 and 3; time_pulse_us -2 and -1 on timeouts; bitstream's encoding 0)
import time
import machine
from machine import Pin, RTC, WDT

print(machine.PWRON_RESET, machine.WDT_RESET, machine.reset_cause())
rtc = RTC()
year, month, day, weekday, hours, minutes, seconds, subseconds = rtc.datetime()
print(year, month, day, weekday, hours, subseconds)
rtc.datetime((2024, 2, 29, 3, 23, 59, 58, 0))
time.sleep_ms(2100)
print(RTC().datetime())
rtc.datetime((2000, 1, 1, 0, 0, 0, 0, 0))
print(rtc.datetime()[:4])

Pin(2, Pin.OUT, value=0)
print(machine.time_pulse_us(Pin(3), 1, 2000))
Pin(2).value(1)
print(machine.time_pulse_us(Pin(3), 1, 2000))

edges = []
Pin(3, Pin.IN).irq(lambda pin: edges.append(pin.value()), Pin.IRQ_RISING)
Pin(2).value(0)
machine.bitstream(Pin(2), 0, (400, 850, 800, 450), bytes([255, 0, 7]))
machine.idle()
print(len(edges) >= 1, Pin(2).value())
try:
    machine.bitstream(Pin(2), 1, (1, 2, 3, 4), b"x")
except ValueError as e:
    print("ValueError:", e)
machine.lightsleep(5)

try:
    WDT(timeout=9000)
except ValueError as e:
    print("ValueError:", e)
dog = WDT(timeout=50)
for _ in range(5):
    time.sleep_ms(20)
    dog.feed()
print("fed in time")
try:
    time.sleep_ms(100)
    print("not reset")
except SystemExit:
    print("the watchdog reset the machine")
