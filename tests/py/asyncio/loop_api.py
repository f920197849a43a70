import asyncio


async def job(n):
    await asyncio.sleep_ms(n)
    return n * 3


loop = asyncio.get_event_loop()
print(loop.run_until_complete(job(2)))
print(loop.run_until_complete(asyncio.gather(job(1), job(2))))
new = asyncio.new_event_loop()
print(new.run_until_complete(job(4)))
