class Suspend:
    def __iter__(self):
        yield

    __await__ = __iter__


async def fails():
    await Suspend()
    raise KeyError("from coroutine")


async def catches():
    try:
        await fails()
    except KeyError as e:
        return "caught " + str(e)


c = catches()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
c = fails()
c.send(None)
try:
    c.send(None)
except KeyError as e:
    print("propagated to the driver:", e)
