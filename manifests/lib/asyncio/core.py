# The scheduler of rime's asyncio: tasks, the run queue and sleeping.
#
# A coroutine is a generator. A task steps its coroutine with send() or
# throw(); whatever the coroutine yields is ignored, because every awaitable
# in this package arranges its own wake-up (re-queueing the task, or parking
# it in a wait list) before it yields. The run queue is a list kept sorted by
# wake time (compared with ticks_diff, so the millisecond clock may wrap);
# tasks due at the same moment run in the order they were queued.

import time

_ticks = time.ticks_ms
_ticks_add = time.ticks_add
_ticks_diff = time.ticks_diff


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class InvalidStateError(Exception):
    pass


# The task the loop is stepping right now, or None between steps.
_current = None
# Tasks ready or sleeping, sorted by their wake time.
_queue = []
# The single loop object that get_event_loop() returns.
_loop = None


def _push(task, when=None):
    # Puts a task on the run queue to wake at `when` (now if None), after
    # every task already queued for the same moment or earlier.
    if when is None:
        when = _ticks()
    task._wake = when
    task._queued = True
    index = len(_queue)
    while index > 0 and _ticks_diff(_queue[index - 1]._wake, when) > 0:
        index -= 1
    _queue.insert(index, task)


def _unqueue(task):
    # Takes a task off the run queue if it is on it.
    if task._queued:
        _queue.remove(task)
        task._queued = False


class _WaitList:
    # Tasks parked until something happens (an event, a lock, a queue).

    def __init__(self):
        self.tasks = []

    def park(self):
        # Parks the current task here; the caller yields next.
        task = _current
        self.tasks.append(task)
        task._waiting_on = self

    def wake_one(self):
        # Queues the task that has waited longest; returns it (or None).
        if not self.tasks:
            return None
        task = self.tasks.pop(0)
        task._waiting_on = None
        _push(task)
        return task

    def wake_all(self):
        while self.tasks:
            self.wake_one()

    def forget(self, task):
        # A parked task was cancelled: it no longer waits here.
        if task in self.tasks:
            self.tasks.remove(task)


class Task:
    # A coroutine scheduled on the loop. Awaiting a task waits for it to
    # finish and gives its result (or raises its exception).

    def __init__(self, coro):
        self.coro = coro
        self._result = None
        self._exception = None
        self._done = False
        # The exception to throw in at the next step (a cancellation).
        self._throw = None
        self._wake = 0
        self._queued = False
        # What the task is parked on: a Task it awaits, a _WaitList, or an
        # object with forget() (gather). None when it is runnable.
        self._waiting_on = None
        # Whatever is parked on this task: Tasks to wake, or objects with a
        # _child_done(task) method.
        self._watchers = []
        # Whether anyone has looked at the outcome (for unhandled errors).
        self._observed = False
        # Whether run_until_complete drives this task: its exception goes to
        # that caller, never to the exception handler.
        self._main = False

    def __repr__(self):
        return "<Task>"

    def done(self):
        return self._done

    def cancelled(self):
        return self._done and isinstance(self._exception, CancelledError)

    def result(self):
        if not self._done:
            raise InvalidStateError("result is not ready")
        self._observed = True
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if not self._done:
            raise InvalidStateError("exception is not set")
        self._observed = True
        return self._exception

    def cancel(self, msg=None):
        if self._done:
            return False
        if self is _current:
            raise RuntimeError("can't cancel self")
        # A task that awaits another task is cancelled through the task it
        # awaits, so the cancellation reaches the innermost coroutine.
        target = self
        while isinstance(target._waiting_on, Task) and not target._waiting_on._done:
            target = target._waiting_on
        if target is _current:
            target = self
        waiting_on = target._waiting_on
        if waiting_on is not None:
            if isinstance(waiting_on, Task):
                if target in waiting_on._watchers:
                    waiting_on._watchers.remove(target)
            else:
                waiting_on.forget(target)
            target._waiting_on = None
        # A task already due keeps its place in the run queue; one sleeping
        # into the future is brought forward to now.
        if not target._queued:
            _push(target)
        elif _ticks_diff(target._wake, _ticks()) > 0:
            _unqueue(target)
            _push(target)
        target._throw = CancelledError() if msg is None else CancelledError(msg)
        return True

    def __iter__(self):
        if not self._done:
            task = _current
            self._watchers.append(task)
            task._waiting_on = self
            yield
        self._observed = True
        if self._exception is not None:
            raise self._exception
        return self._result

    __await__ = __iter__

    def _child_done(self, child):
        # The task this one awaited has finished: run this one again.
        self._waiting_on = None
        _push(self)

    def _finish(self, result, exception):
        self._done = True
        self._result = result
        self._exception = exception
        watchers = self._watchers
        self._watchers = []
        if watchers:
            self._observed = True
        for watcher in watchers:
            watcher._child_done(self)
        if exception is not None and not watchers and not self._main and not isinstance(exception, CancelledError):
            get_event_loop()._unretrieved(self, exception)


def _step(task):
    # Runs a task until its coroutine yields or ends.
    global _current
    _current = task
    throw = task._throw
    task._throw = None
    try:
        if throw is None:
            task.coro.send(None)
        else:
            task.coro.throw(throw)
    except StopIteration as stop:
        task._finish(stop.value, None)
    except CancelledError as error:
        task._finish(None, error)
    except Exception as error:
        task._finish(None, error)
    finally:
        _current = None


def _run_iter():
    # Runs the next task, sleeping until it is due. Returns False when
    # there is nothing left to run.
    if not _queue:
        return False
    task = _queue[0]
    delay = _ticks_diff(task._wake, _ticks())
    if delay > 0:
        time.sleep_ms(delay)
        return True
    _queue.pop(0)
    task._queued = False
    _step(task)
    return True


def _sleeper(ms):
    # The awaitable behind sleep_ms: requeue the current task for later.
    # Outside a loop (a coroutine driven by hand with send) it just yields.
    if _current is not None:
        _push(_current, _ticks_add(_ticks(), ms if ms > 0 else 0))
    yield


def sleep_ms(ms):
    return _sleeper(int(ms))


def sleep(seconds):
    return _sleeper(int(seconds * 1000))


def _promote(awaitable):
    # A task for any awaitable: tasks as they are, coroutines wrapped.
    if isinstance(awaitable, Task):
        return awaitable
    return create_task(awaitable)


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    task = Task(coro)
    _push(task)
    return task


def current_task():
    if _current is None:
        raise RuntimeError("no running task")
    return _current


def _default_handler(loop, context):
    print("Task exception wasn't retrieved")
    print("future:", context["future"], "coro=", context["future"].coro)
    exception = context["exception"]
    try:
        import sys

        sys.print_exception(exception)
    except AttributeError:
        print(type(exception).__name__ + ":", exception)


class Loop:
    # The event loop object that get_event_loop() returns. It drives the
    # module's single run queue.

    def __init__(self):
        self._stopping = False
        self._handler = None

    def create_task(self, coro):
        return create_task(coro)

    def run_until_complete(self, awaitable):
        task = _promote(awaitable)
        task._main = True
        while not task._done:
            if not _run_iter():
                raise RuntimeError("event loop stopped before the task finished: nothing left to run")
        return task.result()

    def run_forever(self):
        # Runs until stop() is called, or until no task is left (with no
        # I/O polling, an empty queue can never fill again by itself).
        self._stopping = False
        while not self._stopping and _run_iter():
            pass
        self._stopping = False

    def stop(self):
        self._stopping = True

    def close(self):
        pass

    def set_exception_handler(self, handler):
        self._handler = handler

    def get_exception_handler(self):
        return self._handler

    def default_exception_handler(self, context):
        _default_handler(self, context)

    def call_exception_handler(self, context):
        (self._handler or _default_handler)(self, context)

    def _unretrieved(self, task, exception):
        self.call_exception_handler({"message": "Task exception wasn't retrieved", "future": task, "exception": exception})


def get_event_loop(*args):
    global _loop
    if _loop is None:
        _loop = Loop()
    return _loop


def new_event_loop():
    # Forgets every queued task and returns a fresh loop.
    global _loop
    del _queue[:]
    _loop = Loop()
    return _loop


def set_event_loop(loop):
    global _loop
    _loop = loop


def run_until_complete(awaitable):
    return get_event_loop().run_until_complete(awaitable)


def run(coro):
    return get_event_loop().run_until_complete(create_task(coro))
