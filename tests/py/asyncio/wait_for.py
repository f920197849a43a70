# wait_for: results within the time limit, TimeoutError past it, and the
# cleanup of the timed-out coroutine.
import asyncio

log = []


async def slow(seconds):
    try:
        await asyncio.sleep(seconds)
        return "finished"
    finally:
        log.append("slow cleanup")


async def quick(value):
    await asyncio.sleep(0)
    return value * 2


async def main():
    print(await asyncio.wait_for(quick(21), 1))
    try:
        await asyncio.wait_for(slow(10), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    print(log)
    print(await asyncio.wait_for(slow(0.001), 1))
    print(await asyncio.wait_for(quick(5), None))
    outcomes = []
    for limit in (0.001, 1):
        try:
            outcomes.append(await asyncio.wait_for(slow(0.02), limit))
        except asyncio.TimeoutError:
            outcomes.append("timeout")
    print(outcomes)


asyncio.run(main())
