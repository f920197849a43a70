# The loop object: run_until_complete, create_task on the loop, and
# run_forever ended by stop() from a task.
import asyncio

log = []


async def step(name, count):
    for i in range(count):
        log.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return name.upper()


async def stopper(loop, task):
    await task
    log.append("stopping")
    loop.stop()


loop = asyncio.new_event_loop()
print(loop.run_until_complete(step("a", 2)))
background = loop.create_task(step("b", 3))
loop.create_task(stopper(loop, background))
loop.run_forever()
print(background.done(), log)
