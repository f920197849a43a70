import asyncio


async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.02)
    except asyncio.TimeoutError:
        print("timed out waiting for the event")

    async def setter():
        await asyncio.sleep_ms(5)
        ev.set()

    asyncio.create_task(setter())
    await asyncio.wait_for(ev.wait(), 1)
    print("event set in time", ev.is_set())


asyncio.run(main())
