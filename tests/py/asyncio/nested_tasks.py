import asyncio

log = []


async def leaf(name, ms):
    await asyncio.sleep_ms(ms)
    log.append(name)
    return name


async def branch(name):
    a = asyncio.create_task(leaf(name + ".1", 4))
    b = asyncio.create_task(leaf(name + ".2", 2))
    return [await a, await b]


async def main():
    results = await asyncio.gather(branch("L"), branch("R"))
    print(results)
    print(sorted(log))


asyncio.run(main())
