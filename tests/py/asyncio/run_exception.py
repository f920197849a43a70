import asyncio


async def fails():
    await asyncio.sleep_ms(1)
    raise ValueError("inside the event loop")


try:
    asyncio.run(fails())
except ValueError as e:
    print("asyncio.run raised", e)


async def ok():
    return "still usable"


print(asyncio.run(ok()))
