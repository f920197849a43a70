import asyncio


async def critical(lock, name, log):
    async with lock:
        log.append(name + "+")
        await asyncio.sleep_ms(2)
        log.append(name + "-")


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(critical(lock, n, log) for n in "xyz"))
    print(log)
    print(lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())


asyncio.run(main())
