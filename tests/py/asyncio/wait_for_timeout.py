import asyncio


async def slow(log):
    try:
        await asyncio.sleep_ms(200)
        return "slow done"
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise


async def quick():
    await asyncio.sleep_ms(1)
    return "quick"


async def main():
    log = []
    print(await asyncio.wait_for(quick(), 1))
    try:
        await asyncio.wait_for(slow(log), 0.02)
    except asyncio.TimeoutError:
        print("TimeoutError")
    print(log)
    try:
        await asyncio.wait_for_ms(slow(log), 10)
    except asyncio.TimeoutError:
        print("TimeoutError ms")
    print(await asyncio.wait_for_ms(slow(log), 1000))


asyncio.run(main())
