# The acceptance program of issue 20: every part of the emulated Pico's test
# jig, through MicroPython's rp2 `machine` API. Wiring (tests/reference/pico-jig.mjs):
# GP2 -> GP3; I2C0 on GP8/GP9 with a 256-byte EEPROM at 0x50 and an SSD1306 at
# 0x3C; UART1 TX looped to RX; SPI0 MOSI looped to MISO; ADC0 at 1.000 V of 3.3 V;
# the temperature sensor at its 27 C voltage (0.706 V); GP15 watched.
#
# Expected output (jig_acceptance.py.exp): written by hand from the wiring and
# MicroPython's documented rp2 API, not from rime. Each line is a value the
# wiring fixes (levels, counts, bytes, booleans over documented tolerances) or
# one MicroPython's arithmetic fixes: PWM freq()/duty_u16() read back the
# registers MicroPython rp2's machine_pwm.c programs at 125 MHz (divider 1,
# top 124999 for 1 kHz; level 31250 for duty_u16(16384), read back as 16384);
# 50 bytes written at 115200 baud arrive in 4.3 ms, inside the 10 ms wait.
# The errors are those of MicroPython's rp2 sources: a NACK is OSError(5)
# (pico-sdk's PICO_ERROR_GENERIC in machine_i2c.c), firstbit=SPI.LSB is
# NotImplementedError("LSB") (machine_spi.c). The host's simulated bench
# prints the same except for the PWM pulse (it has no time) and the LSB line
# (it accepts LSB). The stage also checks the waveform the harness measured
# on GP15.
import time
from machine import ADC, I2C, PWM, SPI, UART, Pin, Timer
import machine

# Pins and interrupts across the GP2 -> GP3 wire.
out = Pin(2, Pin.OUT, value=0)
inp = Pin(3, Pin.IN)
print("gp3 follows gp2:", inp.value(), end=" ")
out.value(1)
print(inp.value(), end=" ")
out.value(0)
print(inp.value())
edges = [0]


def count(pin):
    edges[0] += 1


inp.irq(count, Pin.IRQ_RISING)
for _ in range(5):
    out.value(1)
    time.sleep_ms(1)
    out.value(0)
    time.sleep_ms(1)
time.sleep_ms(5)
inp.irq(None)
print("rising edges:", edges[0])


# A high-level interrupt whose handler drives the level low again runs once.
def level(pin):
    edges[0] += 1
    out.value(0)


edges[0] = 0
inp.irq(level, Pin.IRQ_HIGH_LEVEL)
out.value(1)
time.sleep_ms(5)
inp.irq(None)
print("high level:", edges[0], inp.value())

# GP2 as an open-drain output: released, GP3's pull-up holds the wire high.
inp = Pin(3, Pin.IN, Pin.PULL_UP)
drain = Pin(2, Pin.OPEN_DRAIN, value=0)
print("open drain:", inp.value(), drain.value(), end=" ")
drain.value(1)
print(inp.value(), drain.value(), end=" ")
drain.value(0)
print(inp.value(), drain.value())

# I2C0: the scan, the EEPROM, a NACK.
i2c = I2C(0, scl=Pin(9), sda=Pin(8), freq=400000)
print("scan:", i2c.scan())
i2c.writeto_mem(0x50, 0x10, b"rime")
time.sleep_ms(5)
# A read continues from the EEPROM's address pointer, which a scan (address
# bytes only) leaves where it was.
print("eeprom:", i2c.readfrom_mem(0x50, 0x10, 2), end=" ")
i2c.scan()
print(i2c.readfrom(0x50, 2), i2c.readfrom_mem(0x50, 0x14, 2))
try:
    i2c.writeto(0x42, b"\x00")
except OSError as error:
    print("nack: OSError", error.errno)

# UART1 and SPI0 loopbacks.
uart = UART(1, baudrate=115200, tx=Pin(4), rx=Pin(5), timeout=100)
uart.write(b"ping\n")
print("uart:", uart.readline())
# More than the UART's 32-byte FIFO: the receive ring holds it all.
print("uart ring:", uart.write(b"0123456789" * 5), end=" ")
time.sleep_ms(10)
print(uart.any(), uart.read() == b"0123456789" * 5)
spi = SPI(0, baudrate=1000000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
received = bytearray(4)
spi.write_readinto(b"\x12\x34\xab\xcd", received)
print("spi:", bytes(received))
try:
    SPI(0, firstbit=SPI.LSB)
except NotImplementedError as error:
    print("spi LSB: NotImplementedError", error)

# ADC: 1.000 V on channel 0, 27 C on the sensor.
volts = ADC(0).read_u16() * 3.3 / 65535
print("adc0 near 1 V:", abs(volts - 1.0) < 0.01)
print("adc on GP26 is channel 0:", abs(ADC(Pin(26)).read_u16() - ADC(0).read_u16()) < 64)
sensor = ADC(4).read_u16() * 3.3 / 65535
celsius = 27 - (sensor - 0.706) / 0.001721
print("temperature near 27 C:", abs(celsius - 27) < 1)

# PWM on GP15, measured by the harness.
pwm = PWM(Pin(15), freq=1000, duty_u16=16384)
print("pwm:", pwm.freq(), pwm.duty_u16())
time.sleep_ms(10)

# A 10 ms periodic timer for 105 ms.
ticks = [0]


def tick(timer):
    ticks[0] += 1


timer = Timer(period=10, mode=Timer.PERIODIC, callback=tick)
time.sleep_ms(105)
timer.deinit()
print("timer ticks about ten:", 9 <= ticks[0] <= 11)

print("unique_id bytes:", len(machine.unique_id()))

# time_pulse_us on GP3 while GP2 carries a 1 kHz PWM with a quarter duty: 250 us high.
# The first call ends at a falling edge, so the second starts in the 750 us low
# time and measures a whole pulse.
PWM(Pin(2), freq=1000, duty_u16=16384)
machine.time_pulse_us(Pin(3, Pin.IN), 1, 10000)
print("pulse near 250 us:", abs(machine.time_pulse_us(Pin(3, Pin.IN), 1, 10000) - 250) < 10)
