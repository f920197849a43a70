# micropython.schedule: callbacks run later, at a safe point, in order; the
# queue holds 8 and then raises RuntimeError; an exception in a callback is
# printed and the program goes on; a callback may schedule another.
import micropython
import time

log = []
for i in range(8):
    micropython.schedule(log.append, i)
print("queued, not run yet:", log)
try:
    micropython.schedule(log.append, 99)
except RuntimeError as e:
    print("RuntimeError:", e)
for _ in range(1000):
    pass
time.sleep_ms(1)
print(log)


def chain(n):
    log.append("chain%d" % n)
    if n < 3:
        micropython.schedule(chain, n + 1)


log.clear()
micropython.schedule(chain, 0)
for _ in range(3):
    time.sleep_ms(1)
    for _ in range(1000):
        pass
print(log)
print("done")
