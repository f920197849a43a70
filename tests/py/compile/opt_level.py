# micropython.opt_level() sets the optimisation level of code compiled on
# the board: from 1 __debug__ is False and assert statements are left out,
# at 3 no line numbers are kept (every line reads as line 1).
import micropython
import sys

print(micropython.opt_level())
for level in (0, 1, 2, 3, 0):
    micropython.opt_level(level)
    print(level, micropython.opt_level())
    exec("print('__debug__', __debug__)")
    try:
        exec("assert False, 'kept'")
        print("assert left out")
    except AssertionError as error:
        print("AssertionError", error)
    f = eval("lambda: __debug__")
    print("lambda", f())

source = """
def lines():
    x = 1
    y = 2
    raise ValueError(x + y)
try:
    lines()
except ValueError as error:
    sys.print_exception(error)
"""
micropython.opt_level(3)
exec(source)
micropython.opt_level(0)
exec(source)
