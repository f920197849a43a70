# rime-only: machine.Timer needs a board (MicroPython's unix and WebAssembly ports have none); expected output checked by hand against MicroPython rp2's Timer (its repr, ONE_SHOT 0 and PERIODIC 1, callbacks given the timer), with only lower bounds on time, so a busy machine cannot fail it
import time
from machine import Timer

print(Timer.ONE_SHOT, Timer.PERIODIC)
ticks = []
start = time.ticks_ms()
t = Timer(period=20, mode=Timer.PERIODIC, callback=lambda timer: ticks.append((timer is t, time.ticks_ms())))
while len(ticks) < 3:
    time.sleep_ms(1)
t.deinit()
# Three expiries take at least three periods (less a tick of rounding).
assert time.ticks_diff(ticks[-1][1], start) >= 59 and all(same for same, _ in ticks), ticks
print(t)
count = len(ticks)
time.sleep_ms(50)
assert len(ticks) == count, "deinit stops the timer"
print("a periodic timer fires every period until deinit")

once = []
start = time.ticks_ms()
Timer(mode=Timer.ONE_SHOT, period=10, callback=once.append)
while not once:
    pass
assert time.ticks_diff(time.ticks_ms(), start) >= 9
time.sleep_ms(30)
assert len(once) == 1 and type(once[0]).__name__ == "Timer"
print("a one-shot timer fires once")

fast = Timer(freq=100, callback=lambda timer: None, hard=True)
print(fast)
fast.init(mode=Timer.ONE_SHOT, period=2, tick_hz=1000)
print(fast)
fast.deinit()
try:
    Timer(3)
except ValueError as e:
    print("ValueError:", e)
