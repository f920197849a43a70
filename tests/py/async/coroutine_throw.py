class Suspend:
    def __iter__(self):
        yield

    __await__ = __iter__


async def guarded():
    try:
        await Suspend()
    except ValueError as e:
        return "recovered from " + str(e)
    return "not reached"


c = guarded()
c.send(None)
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print(e.value)


async def cleanup():
    try:
        await Suspend()
    finally:
        print("cleanup ran")


c = cleanup()
c.send(None)
c.close()
print("closed")
