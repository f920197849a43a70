import asyncio


async def broken():
    await asyncio.sleep_ms(1)
    raise KeyError("lost key")


async def main():
    t = asyncio.create_task(broken())
    try:
        await t
    except KeyError as e:
        print("awaiting the task raised", repr(e))
    print(t.done())
    try:
        await broken()
    except KeyError:
        print("direct await raised too")


asyncio.run(main())
