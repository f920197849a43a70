# micropython-unix: the pinned WebAssembly build hangs when it raises NameError with the heap locked.
# With the heap locked, the exceptions the VM raises itself, exceptions
# made by calling an exception class, and their tracebacks still work (as
# MicroPython's emergency exception buffer allows), while allocations the
# program asks for still raise MemoryError. BytesIO(n) reserves n bytes.
import io
import sys
import micropython

buf = io.BytesIO(64)
data = b"1234" * 16
# Raised once first, so that it has room for a traceback.
held = StopIteration()
try:
    raise held
except StopIteration:
    pass


def locked():
    micropython.heap_lock()
    try:
        undefined_name()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        raise 0
    except TypeError as e:
        print(e.args[0])
    try:
        [1, 2, 3]
    except MemoryError:
        print("MemoryError")
    buf.write(data)
    held.__traceback__ = None
    try:
        raise held
    except StopIteration:
        print("StopIteration")
    try:
        raise ValueError(1)
    except ValueError as e:
        exc = e
    micropython.heap_unlock()
    return exc


def show(exc):
    text = io.StringIO()
    sys.print_exception(exc, text)
    for line in text.getvalue().split("\n"):
        # Only the line numbers and names of the traceback: files differ.
        print(line.split('"')[2] if line.startswith("  File ") else line)


show(locked())
show(held)
print(buf.getvalue())
