log = []


class Session:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        log.append("enter " + self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.swallow


async def main():
    async with Session("a") as a:
        log.append("body " + a)
    async with Session("b", swallow=True):
        raise ValueError("hidden")
    try:
        async with Session("c"):
            raise KeyError("shown")
    except KeyError:
        log.append("caught KeyError")
    return "done"


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(main()))
for line in log:
    print(line)
