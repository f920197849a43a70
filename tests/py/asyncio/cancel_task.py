import asyncio


async def forever(log, ticked):
    try:
        while True:
            await asyncio.sleep_ms(5)
            log.append("tick")
            ticked.set()
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    finally:
        log.append("finally")


async def main():
    log = []
    ticked = asyncio.Event()
    t = asyncio.create_task(forever(log, ticked))
    await ticked.wait()
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print(log, t.done())
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
