import asyncio

log = []


async def spinner(name, n):
    for i in range(n):
        log.append(name)
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(spinner("a", 3), spinner("b", 3), spinner("c", 2))
    print("".join(log))


asyncio.run(main())
