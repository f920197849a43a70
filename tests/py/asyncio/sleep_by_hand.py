# A coroutine that awaits asyncio.sleep can be driven by hand with send():
# outside a running loop each sleep just yields once. (MicroPython queues
# its current task, None, meanwhile, so no loop runs after this.)
import asyncio


async def steps(n):
    out = []
    for i in range(n):
        await asyncio.sleep(0)
        out.append(i)
    await asyncio.sleep_ms(5)
    return out


coroutine = steps(3)
count = 0
try:
    while True:
        coroutine.send(None)
        count += 1
except StopIteration as stop:
    print("result", stop.value, "yields", count)

