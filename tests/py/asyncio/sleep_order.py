# Tasks sleeping for different times wake in the order of their deadlines.
import asyncio

order = []


async def sleeper(name, seconds):
    await asyncio.sleep(seconds)
    order.append(name)


async def ticker(name, count):
    for i in range(count):
        order.append(name + str(i))
        await asyncio.sleep(0)


async def main():
    tasks = [
        asyncio.create_task(sleeper("slow", 0.03)),
        asyncio.create_task(sleeper("fast", 0.01)),
        asyncio.create_task(sleeper("middle", 0.02)),
    ]
    for task in tasks:
        await task
    print(order)
    order.clear()
    a = asyncio.create_task(ticker("x", 3))
    b = asyncio.create_task(ticker("y", 3))
    await a
    await b
    print(order)


asyncio.run(main())
