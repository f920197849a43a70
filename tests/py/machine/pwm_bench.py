# rime-only: machine.PWM needs a board; the host and QEMU model the RP2040's PWM slices at 125 MHz with MicroPython rp2's rounding, and the values read back are those MicroPython's formulas give (divider and wrap from the frequency, compare level from the duty)
from machine import PWM, Pin

pwm = PWM(Pin(25), freq=1000, duty_u16=32768)
print(pwm)
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.freq(50_000)
print(pwm.freq(), pwm.duty_u16())
pwm.duty_ns(5_000)
print(pwm.duty_ns(), pwm.duty_u16())
pwm.freq(1000)
print(pwm.duty_ns())
other = PWM(Pin(24), 2000)
print(other, other.freq(), pwm.freq(), other.duty_u16())
try:
    pwm.freq(1)
except ValueError as e:
    print("ValueError:", e)
pwm.init(freq=300, duty_u16=65535, invert=True)
print(pwm, pwm.freq(), pwm.duty_u16())
pwm.deinit()
print(PWM(Pin(0)).freq())
