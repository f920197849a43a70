from micropython import const
_SIZE = const(16)
PUBLIC: int = const(0x10)
BIG = const(1 << 40)
