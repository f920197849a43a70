# gather: results in argument order, return_exceptions, nesting, empty.
import asyncio


async def square(x, rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)
    return x * x


async def broken(rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)
    raise KeyError("missing")


async def main():
    print(await asyncio.gather(square(1, 3), square(2, 1), square(3, 2)))
    results = await asyncio.gather(square(4, 1), broken(2), square(5, 0), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in results])
    try:
        await asyncio.gather(square(6, 3), broken(1))
    except KeyError:
        print("gather raised KeyError")
    nested = await asyncio.gather(asyncio.gather(square(7, 1), square(8, 2)), square(9, 0))
    print(nested)
    print(await asyncio.gather())
    tasks = [asyncio.create_task(square(i, i % 3)) for i in range(6)]
    print(await asyncio.gather(*tasks))


asyncio.run(main())
