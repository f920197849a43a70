# Event, Lock and Queue: the synchronisation primitives of rime's asyncio.

from . import core
from .core import CancelledError, _WaitList


class Event:
    def __init__(self):
        self._flag = False
        self._waiting = _WaitList()

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        self._waiting.wake_all()

    def clear(self):
        self._flag = False

    def wait(self):
        if not self._flag:
            self._waiting.park()
            yield
        return True


class Lock:
    # A lock handed directly to the task that has waited longest when it is
    # released, so no waiter starves.

    def __init__(self):
        self._owner = None
        self._locked = False
        self._waiting = _WaitList()

    def locked(self):
        return self._locked

    def acquire(self):
        if self._locked:
            self._waiting.park()
            try:
                yield
            except CancelledError:
                # The lock may have been handed over just before the
                # cancellation arrived: pass it on.
                if self._owner is core._current:
                    self.release()
                raise
        else:
            self._locked = True
        self._owner = core._current
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock not acquired")
        woken = self._waiting.wake_one()
        if woken is None:
            self._locked = False
            self._owner = None
        else:
            self._owner = woken

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


class Queue:
    # A first-in first-out queue; maxsize 0 means unbounded.

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._items = []
        self._getters = _WaitList()
        self._putters = _WaitList()
        self._unfinished = 0
        self._finished = Event()
        self._finished.set()

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self.maxsize <= len(self._items)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull()
        self._items.append(item)
        self._unfinished += 1
        self._finished.clear()
        self._getters.wake_one()

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty()
        item = self._items.pop(0)
        self._putters.wake_one()
        return item

    def put(self, item):
        while self.full():
            self._putters.park()
            yield
        self.put_nowait(item)

    def get(self):
        while not self._items:
            self._getters.park()
            yield
        return self.get_nowait()

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    def join(self):
        return self._finished.wait()
