async def fetch(x):
    await x
    return await x.result()

async def loop(it, cm):
    async for item in it:
        print(item)
        if item:
            break
    else:
        print("done")
    async with cm as c:
        print(c)
    async with cm, cm as d:
        return d

async def agen():
    await fetch(1)
    yield 2
