# asyncio for rime: a select-free event loop for generator-based coroutines.
#
# The scheduler lives in asyncio.core; gather and wait_for in asyncio.funcs;
# Event, Lock and Queue in asyncio.sync. Everything a program needs is
# re-exported here, so `import asyncio` is enough.

from .core import (
    CancelledError,
    TimeoutError,
    InvalidStateError,
    Task,
    Loop,
    create_task,
    current_task,
    get_event_loop,
    new_event_loop,
    run,
    run_until_complete,
    set_event_loop,
    sleep,
    sleep_ms,
)
from .funcs import gather, wait_for, wait_for_ms
from .sync import Event, Lock, Queue, QueueEmpty, QueueFull
