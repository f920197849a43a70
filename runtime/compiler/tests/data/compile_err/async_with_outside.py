async def g():
    pass
def f():
    async with y:
        pass
