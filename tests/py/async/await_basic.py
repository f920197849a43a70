class Ready:
    def __init__(self, value):
        self.value = value

    def __iter__(self):
        yield "suspend"
        return self.value

    __await__ = __iter__


async def add(a, b):
    x = await Ready(a)
    y = await Ready(b)
    return x + y


async def main():
    total = await add(1, 2)
    return total * 10


coro = main()
print(type(coro).__name__)
steps = []
try:
    while True:
        steps.append(coro.send(None))
except StopIteration as e:
    print("result", e.value)
print(steps)
