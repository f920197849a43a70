import time

import ds18x20
import onewire
from machine import Pin
from templates import render

sensors = ds18x20.DS18X20(onewire.OneWire(Pin(16)))
page = open("/rom/www/index.html").read()

while True:
    sensors.convert_temp()
    time.sleep_ms(750)
    print(render("temperature: {value} celsius", value=sensors.read_temp(b"")))
