import asyncio

log = []


async def worker(name, n):
    for i in range(n):
        log.append(name + str(i))
        await asyncio.sleep(0)
    return name


async def main():
    t1 = asyncio.create_task(worker("a", 3))
    t2 = asyncio.create_task(worker("b", 2))
    log.append("created")
    r1 = await t1
    r2 = await t2
    return r1, r2


print(asyncio.run(main()))
print(log)
