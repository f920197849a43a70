import asyncio


async def ok(v):
    await asyncio.sleep_ms(v)
    return v


async def bad(msg):
    await asyncio.sleep_ms(1)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(ok(3), ok(1), ok(2)))
    results = await asyncio.gather(ok(1), bad("x"), return_exceptions=True)
    print(results[0], type(results[1]).__name__, results[1].args)
    try:
        await asyncio.gather(bad("y"), ok(5))
    except ValueError as e:
        print("gather raised", e)
    print(await asyncio.gather())


asyncio.run(main())
