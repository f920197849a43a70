# rime-only: the frame stack is rime's; MicroPython's stack_use() measures the C stack
import micropython

base = micropython.stack_use()


def nested(depth):
    if depth == 0:
        return micropython.stack_use()
    return nested(depth - 1)


deep = nested(10)
print(deep > base, micropython.stack_use() == base)
print(nested(20) > deep)
