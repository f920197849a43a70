def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from other()
    z = (yield x)
    yield *a, b
    await_ = 1
async def coro():
    await x
    return await y
