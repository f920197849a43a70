# Async retry with exponential backoff as a decorator factory with arguments, wrapping
# flaky async operations (simulated network sends) and counting attempts.
import asyncio

def run(main):
    # No asyncio.run() in the WebAssembly port (its loop is driven by JS): drive the
    # scheduler by hand there.
    if hasattr(asyncio, "run"):
        return asyncio.run(main)
    box = []

    async def top():
        try:
            box.append((True, await main))
        except Exception as e:
            box.append((False, e))

    asyncio.create_task(top())
    while not box:
        asyncio.core._run_iter()
    ok, value = box[0]
    if not ok:
        raise value
    return value


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


class Retrying:
    """Callable wrapper; MicroPython functions can't carry attributes, so the
    statistics live on this object instead."""

    def __init__(self, fn, attempts, base_rounds, factor, retry_on):
        self.fn = fn
        self.attempts = attempts
        self.base = base_rounds
        self.factor = factor
        self.retry_on = retry_on
        self.stats = []

    async def __call__(self, *args, **kwargs):
        delay = self.base
        for n in range(1, self.attempts + 1):
            try:
                result = await self.fn(*args, **kwargs)
                self.stats.append((n, "ok"))
                return result
            except self.retry_on as e:
                self.stats.append((n, str(e)))
                if n == self.attempts:
                    raise
                for _ in range(delay):
                    await asyncio.sleep_ms(0)
                delay *= self.factor


def retry(attempts=3, base_rounds=1, factor=2, retry_on=(TransientError,)):
    def decorate(fn):
        return Retrying(fn, attempts, base_rounds, factor, retry_on)
    return decorate


class FlakyLink:
    def __init__(self, pattern):
        self.pattern = pattern  # string of 'o' (ok), 't' (transient), 'p' (permanent)
        self.calls = 0
        self.sent = []

    async def send(self, payload):
        await asyncio.sleep(0)
        kind = self.pattern[self.calls % len(self.pattern)]
        self.calls += 1
        if kind == "t":
            raise TransientError("timeout #%d" % self.calls)
        if kind == "p":
            raise PermanentError("rejected")
        self.sent.append(payload)
        return len(payload)


def make_sender(link, attempts):
    @retry(attempts=attempts)
    async def send(payload, *, prefix=b""):
        return await link.send(prefix + payload)
    return send


async def main():
    cases = [("o", 3), ("tto", 3), ("ttto", 3), ("tp", 5), ("tttto", 5)]
    for pattern, attempts in cases:
        link = FlakyLink(pattern)
        send = make_sender(link, attempts)
        try:
            n = await send(b"data", prefix=b">")
            result = "sent %d bytes" % n
        except TransientError as e:
            result = "gave up: %s" % e
        except PermanentError as e:
            result = "permanent: %s" % e
        print("%-6s attempts=%d calls=%d %-24s stats=%s" % (pattern, attempts, link.calls, result, send.stats))
    link = FlakyLink("toto")
    send = make_sender(link, 2)
    results = await asyncio.gather(send(b"a"), send(b"b"), send(b"c"), return_exceptions=True)
    print("concurrent", [r if isinstance(r, int) else type(r).__name__ for r in results], "sent", link.sent)
    return link.calls


print("final calls", run(main()))
