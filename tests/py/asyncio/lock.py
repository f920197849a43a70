# Lock: async with serialises critical sections; waiters get the lock in order.
import asyncio

log = []


async def worker(name, lock, shared):
    async with lock:
        log.append(name + " in")
        value = shared[0]
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        shared[0] = value + 1
        log.append(name + " out")


async def failing(lock):
    async with lock:
        raise RuntimeError("inside")


async def main():
    lock = asyncio.Lock()
    shared = [0]
    print("locked?", lock.locked())
    await asyncio.gather(*[worker(name, lock, shared) for name in "abc"])
    print(log)
    print("counter", shared[0])
    try:
        await failing(lock)
    except RuntimeError as error:
        print("error", error, "locked?", lock.locked())
    await lock.acquire()
    print("acquired", lock.locked())
    lock.release()
    print("released", lock.locked())


asyncio.run(main())
