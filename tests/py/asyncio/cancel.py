# Cancellation: CancelledError inside the task, finally blocks, awaiting a
# cancelled task, a task that swallows the cancellation, and cancelling a
# finished task.
import asyncio

log = []


async def looper(name):
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
    finally:
        log.append(name + " finally")


async def sleeper():
    try:
        await asyncio.sleep(100)
    finally:
        log.append("sleeper finally")


async def stubborn():
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        return "ignored"


async def quick():
    return 1


async def main():
    task = asyncio.create_task(looper("loop"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel returns", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiter saw CancelledError")
    print("done", task.done())
    long = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    long.cancel()
    try:
        await long
    except asyncio.CancelledError:
        print("sleeper cancelled early")
    soft = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    soft.cancel()
    print("stubborn returned", await soft)
    finished = asyncio.create_task(quick())
    await finished
    print("cancel finished task", finished.cancel())
    print(log)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
