import time

from machine import Pin


def blink(period_ms, count=None):
    led = Pin("LED", Pin.OUT)
    done = 0
    while count is None or done < count:
        led.toggle()
        time.sleep_ms(period_ms // 2)
        done += 1
