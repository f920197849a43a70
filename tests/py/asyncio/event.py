# Event: waiters wake when it is set, in the order they started waiting.
import asyncio

log = []


async def waiter(name, event):
    log.append(name + " waits")
    await event.wait()
    log.append(name + " woke")


async def main():
    event = asyncio.Event()
    print("set?", event.is_set())
    tasks = [asyncio.create_task(waiter(name, event)) for name in ("a", "b", "c")]
    await asyncio.sleep(0)
    log.append("setting")
    event.set()
    for task in tasks:
        await task
    print(log)
    print("set?", event.is_set())
    print("wait on a set event:", await event.wait())
    event.clear()
    print("cleared:", event.is_set())
    late = asyncio.create_task(waiter("late", event))
    await asyncio.sleep(0)
    print("late done before set:", late.done())
    event.set()
    await late
    print("late done after set:", late.done())


asyncio.run(main())
