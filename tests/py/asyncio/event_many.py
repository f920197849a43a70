import asyncio


async def waiter(event, name, log):
    log.append(name + " waiting")
    await event.wait()
    log.append(name + " woke")


async def main():
    event = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(event, n, log)) for n in "abc"]
    await asyncio.sleep_ms(5)
    print(event.is_set(), log)
    event.set()
    for t in tasks:
        await t
    print(event.is_set(), log[3:])
    event.clear()
    print(event.is_set())
    event.set()
    await event.wait()
    print("wait on set event returns at once")


asyncio.run(main())
