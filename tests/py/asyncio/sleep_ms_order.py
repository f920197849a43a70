import asyncio

order = []


async def after(ms, name):
    await asyncio.sleep_ms(ms)
    order.append(name)


async def main():
    tasks = [asyncio.create_task(after(ms, name)) for ms, name in ((120, "c"), (40, "a"), (80, "b"), (0, "zero"))]
    for t in tasks:
        await t
    print(order)


asyncio.run(main())
