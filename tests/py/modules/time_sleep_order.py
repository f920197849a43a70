import time
events = []
for delay in (3, 1, 2):
    time.sleep_ms(delay)
    events.append(delay)
print(events)
start = time.ticks_ms()
time.sleep(0)
print(time.ticks_diff(time.ticks_ms(), start) >= 0)
