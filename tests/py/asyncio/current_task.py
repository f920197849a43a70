import asyncio


async def who(results):
    results.append(asyncio.current_task() is not None)
    return asyncio.current_task()


async def main():
    results = []
    me = asyncio.current_task()
    t = asyncio.create_task(who(results))
    other = await t
    print(results, other is t, me is not t)


asyncio.run(main())
