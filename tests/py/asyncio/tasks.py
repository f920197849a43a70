# create_task, awaiting tasks, done(), results and exceptions through await.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def fail(message):
    await asyncio.sleep(0)
    raise ValueError(message)


async def noisy(name, rounds, log):
    for i in range(rounds):
        log.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return name


async def main():
    task = asyncio.create_task(add(2, 3))
    print("done before", task.done())
    print("result", await task)
    print("done after", task.done())
    print("await again", await task)
    bad = asyncio.create_task(fail("broken"))
    try:
        await bad
    except ValueError as error:
        print("caught", error)
    print("bad done", bad.done())
    log = []
    first = asyncio.create_task(noisy("a", 3, log))
    second = asyncio.create_task(noisy("b", 2, log))
    print(await first, await second)
    print("interleaved", log)
    print("direct", await add(10, 20))
    me = asyncio.current_task()
    print("current is a task", me is not None)
    return "main result"


print(asyncio.run(main()))
