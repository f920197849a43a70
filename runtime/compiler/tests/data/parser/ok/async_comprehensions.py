async def f():
    a = [x async for x in aiter()]
    b = {x: y async for x, y in pairs() if x}
    c = [x for y in z async for x in y]
    d = (await x for x in y)
