# Toggle the LED on GPIO25 six times, 100 ms apart, then say so.
import sys
import time
import machine

PIN = 25

print("blink: hello from frozen Python on", sys.platform)
led = machine.Pin(PIN, machine.Pin.OUT)
for n in range(6):
    led.toggle()
    print("blink", n, "value", led.value())
    time.sleep_ms(100)
led.off()
print("blink: done")
