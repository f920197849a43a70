# An exception raised by a scheduled callback is printed and the program
# goes on; a callback scheduled from a callback runs at a later check.
import micropython


def bad(arg):
    raise ValueError("callback %d" % arg)


def good(arg):
    print("good", arg)


micropython.schedule(bad, 1)
micropython.schedule(good, 2)
for _ in range(10):
    pass
print("after the loop")
try:
    micropython.schedule(1, 2)
    for _ in range(10):
        pass
except TypeError as e:
    print("TypeError", e)
print("done")
