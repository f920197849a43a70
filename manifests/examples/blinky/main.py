from blinky.led import blink

blink(period_ms=500)
