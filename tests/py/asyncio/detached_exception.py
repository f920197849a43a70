import asyncio

seen = []


def handler(loop, context):
    seen.append((context["message"], type(context["exception"]).__name__, context["exception"].args))


async def broken():
    raise KeyError("detached")


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    asyncio.create_task(broken())
    await asyncio.sleep_ms(10)
    print("main continues")


asyncio.run(main())
print(seen)
