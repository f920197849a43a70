# micropython.const forms: private _X consts (folded, not stored as globals),
# public consts, const expressions, annotated const, micropython.const call,
# consts in nested expressions, ranges and default args.
import micropython
from micropython import const

_PRIVATE = const(42)
PUBLIC = const(7)
_MASK = const(0xFF00)
_SHIFT = const(8)
_COMBINED = const(_MASK >> _SHIFT | 1)
_NEG = const(-12)
_BIG = const(1 << 20)
_EXPR = const((3 + 4) * 2 - 1)
_Y: int = const(2)
_VIA_MODULE = micropython.const(5)
_STR = const("const-string")
_BYTES = const(b"\x01\x02")
_TUPLE = const((1, 2, 3))
_HUGE = const(123456789012345678901234567890)

print("private:", _PRIVATE, "public:", PUBLIC)
print("mask ops:", hex(_MASK), _SHIFT, hex(_COMBINED))
print("neg/big/expr:", _NEG, _BIG, _EXPR)
print("annotated:", _Y, "module form:", _VIA_MODULE)
print("str/bytes/tuple:", _STR, _BYTES, _TUPLE)
print("huge:", _HUGE, _HUGE % 1000)
print("public visible in globals:", "PUBLIC" in globals())


def uses_consts(v):
    return (v & _MASK) >> _SHIFT


print("uses_consts:", [uses_consts(x) for x in (0x1234, 0xFF00, 0x00FF)])


def default_const(x=_PRIVATE, y=PUBLIC * 2):
    return x + y


print("defaults:", default_const(), default_const(1))
acc = []
for i in range(0, _EXPR, _Y + 1):
    acc.append(i)
print("range with consts:", acc)
for i in range(_PRIVATE, _PRIVATE - 10, -_Y - 1):
    acc.append(i)
print("neg range:", acc[-4:])
REG_CTRL = const(0x40)
REG_STATUS = const(REG_CTRL + 4)
_BIT_EN = const(1 << 0)
_BIT_IRQ = const(1 << 3)
_BIT_ALL = const(_BIT_EN | _BIT_IRQ)
regs = {REG_CTRL: 0, REG_STATUS: 0}


def write(reg, val):
    regs[reg] = val & 0xFF


def set_bits(reg, bits):
    write(reg, regs[reg] | bits)


def clear_bits(reg, bits):
    write(reg, regs[reg] & ~bits)


set_bits(REG_CTRL, _BIT_EN)
set_bits(REG_CTRL, _BIT_IRQ)
print("ctrl:", bin(regs[REG_CTRL]), regs[REG_CTRL] == _BIT_ALL)
clear_bits(REG_CTRL, _BIT_EN)
print("ctrl after clear:", bin(regs[REG_CTRL]), "status reg:", hex(REG_STATUS))


class Device:
    ADDR = const(0x3C)
    _WIDTH = const(128)

    def __init__(self):
        self.buf = bytearray(_WIDTH // 8)

    def size(self):
        return len(self.buf) * 8 == _WIDTH


dev = Device()
print("class const:", hex(Device.ADDR), dev.size())
print("const in cond:", "big" if _BIG > 1000 else "small", _PRIVATE if _NEG < 0 else 0)
print("const arithmetic folding:", _PRIVATE * 2 + PUBLIC, _BIG // 1024, -_NEG, ~_PRIVATE)
print("const compare chain:", 0 < PUBLIC < _PRIVATE < _BIG)
t = (_PRIVATE, PUBLIC, _Y)
print("const tuple:", t, sum(t))
print("__debug__:", __debug__)
if __debug__:
    print("debug branch taken")
if False:
    print("dead code never runs")
    unreachable = 1 / 0
if 0:
    pass
else:
    print("else of if 0")
while False:
    print("never")
print("opt level:", micropython.opt_level())
