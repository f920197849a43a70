import asyncio


async def work(name, ms, log):
    log.append(name + " start")
    await asyncio.sleep_ms(ms)
    log.append(name + " end")
    return name.upper()


async def main():
    log = []
    t1 = asyncio.create_task(work("a", 90, log))
    t2 = asyncio.create_task(work("b", 30, log))
    print(await asyncio.gather(t1, t2, work("c", 60, log)))
    print(log[:3])
    print(log[3:])


asyncio.run(main())
