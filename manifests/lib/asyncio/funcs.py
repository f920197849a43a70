# gather and wait_for, built on the scheduler in asyncio.core.

from . import core
from .core import CancelledError, TimeoutError, Task, create_task, sleep, sleep_ms, _promote


class _Gathering:
    # Counts the children of a gather that are still running, and wakes the
    # gathering task when all are done, or at the first error unless errors
    # are returned as results.

    def __init__(self, task, children, return_exceptions):
        self.task = task
        self.left = len(children)
        self.children = children
        self.return_exceptions = return_exceptions
        self.error = None

    def _child_done(self, child):
        self.left -= 1
        if self.task is None:
            return
        failed = child._exception is not None and not self.return_exceptions
        if failed:
            self.error = child._exception
        if failed or self.left == 0:
            task = self.task
            self.task = None
            task._waiting_on = None
            core._push(task)

    def forget(self, task):
        # The gathering task was cancelled: stop waking it.
        self.task = None

    def wait(self):
        core._current._waiting_on = self
        yield


async def gather(*awaitables, return_exceptions=False):
    children = [_promote(each) for each in awaitables]
    pending = [child for child in children if not child._done]
    gathering = _Gathering(core._current, pending, return_exceptions)
    for child in pending:
        child._watchers.append(gathering)
    if not return_exceptions:
        for child in children:
            if child._done and child._exception is not None:
                pending = []
                gathering.error = child._exception
                break
    if pending:
        try:
            await gathering.wait()
        except CancelledError:
            for child in children:
                if not child._done:
                    child.cancel()
            raise
    if gathering.error is not None:
        raise gathering.error
    results = []
    for child in children:
        child._observed = True
        if child._exception is not None:
            if not return_exceptions:
                raise child._exception
            results.append(child._exception)
        else:
            results.append(child._result)
    return results


async def wait_for(awaitable, timeout, sleep=sleep):
    inner = _promote(awaitable)
    if timeout is None:
        return await inner
    expired = [False]

    async def timer():
        await sleep(timeout)
        if not inner._done:
            expired[0] = True
            inner.cancel()

    timer_task = create_task(timer())
    try:
        return await inner
    except CancelledError:
        if expired[0]:
            raise TimeoutError
        raise
    finally:
        if not timer_task._done:
            timer_task.cancel()


def wait_for_ms(awaitable, timeout):
    return wait_for(awaitable, timeout, sleep_ms)
