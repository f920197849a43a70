# asyncio.wait_for / wait_for_ms timeouts, task cancellation with cleanup in finally,
# and CancelledError handling, all with deterministic (event-driven) timing.
import asyncio

def run(main):
    # No asyncio.run() in the WebAssembly port (its loop is driven by JS): drive the
    # scheduler by hand there.
    if hasattr(asyncio, "run"):
        return asyncio.run(main)
    box = []

    async def top():
        try:
            box.append((True, await main))
        except Exception as e:
            box.append((False, e))

    asyncio.create_task(top())
    while not box:
        asyncio.core._run_iter()
    ok, value = box[0]
    if not ok:
        raise value
    return value


log = []


async def never(ev):
    try:
        await ev.wait()
        return "set"
    finally:
        log.append("never: cleanup")


async def quick(v):
    await asyncio.sleep_ms(0)
    return v * 2


async def worker(name, ev, counter):
    try:
        while True:
            counter[0] += 1
            await asyncio.sleep_ms(0)
            if ev.is_set():
                return "%s stopped" % name
    except asyncio.CancelledError:
        log.append("%s cancelled after %d" % (name, counter[0]))
        raise
    finally:
        log.append("%s finally" % name)


async def stubborn(counter):
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        counter[0] += 1
        return "ignored cancel"


async def main():
    print("quick", await asyncio.wait_for(quick(21), 1))
    try:
        await asyncio.wait_for(never(asyncio.Event()), 0.005)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        await asyncio.wait_for_ms(never(asyncio.Event()), 3)
    except asyncio.TimeoutError:
        print("wait_for_ms timed out")
    ev = asyncio.Event()
    ev.set()
    print("already set:", await asyncio.wait_for(never(ev), 1))
    counter = [0]
    stop = asyncio.Event()
    t = asyncio.create_task(worker("w1", stop, counter))
    for _ in range(5):
        await asyncio.sleep_ms(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("w1 CancelledError seen by awaiter")
    c2 = [0]
    t2 = asyncio.create_task(worker("w2", stop, c2))
    await asyncio.sleep_ms(0)
    stop.set()
    print("w2 result:", await t2)
    c3 = [0]
    t3 = asyncio.create_task(stubborn(c3))
    await asyncio.sleep_ms(0)
    t3.cancel()
    print("stubborn:", await t3, c3[0])
    results = []
    for n in range(4):
        try:
            # generous limit for the coroutine that finishes, tiny one for the one that never does
            if n % 2:
                results.append(await asyncio.wait_for(quick(n), 2))
            else:
                results.append(await asyncio.wait_for(never(asyncio.Event()), 0.002))
        except asyncio.TimeoutError:
            results.append("timeout")
    print("mixed", results)
    print("done flag", t.done(), t2.done())
    return len(log)


n = run(main())
print("log entries", n)
for line in log:
    print(" ", line)
