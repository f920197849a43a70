# micropython-lib's unmodified ds18x20 driver (frozen beside this program from the checkout in MICROPYTHON_LIB) over rime's onewire, on the emulated Pico's jig: a DS18B20 on GP22 (tests/reference/pico-jig.mjs: ROM code 28 52 49 4D 45 01 00 F9, 85 C until its first conversion, then 21.5 C). Expected output, from that wiring and the driver's API (scan() keeps family codes 0x10, 0x22 and 0x28; read_temp in degrees C; write_scratch sets TH, TL and the configuration): the sensor's code, 85.0 before a conversion, 21.5 after, and the alarm bytes read back.
import time

import ds18x20
import onewire
from machine import Pin

sensor = ds18x20.DS18X20(onewire.OneWire(Pin(22)))
codes = sensor.scan()
print("found", [bytes(code).hex() for code in codes])
print("before a conversion", sensor.read_temp(codes[0]))
sensor.convert_temp()
time.sleep_ms(750)
print("after", sensor.read_temp(codes[0]))
sensor.write_scratch(codes[0], b"\x1e\x0a\x7f")
print("alarms", list(sensor.read_scratch(codes[0])[2:5]))
