async def main():
    await sleep(1)
    async for x in aiter():
        print(x)
    async with lock as l:
        pass
    async with a, b:
        pass
    result = [y async for y in agen()]
    total = await compute() + await other()
    return await x ** 2
