from micropython import const
import micropython
SIZE = const(16)
MASK = const(SIZE - 1)
_PRIVATE = const(0x40)
print(SIZE, MASK, _PRIVATE, SIZE * 2, micropython.const(7))
def uses():
    return SIZE + MASK
print(uses())
