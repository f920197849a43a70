# Imports .mpy files from the filesystem (expected output from MicroPython).
import mpymod

# MicroPython names the file as its sys.path entry joins it; the name alone is the same everywhere.
print(mpymod.GREETING, mpymod.__name__, mpymod.__file__.split("/")[-1])
print(mpymod.BIG, mpymod.RATIO, mpymod.DATA)
counter = mpymod.Counter(10)
print(counter.step(), counter.step(5), type(counter).__name__)
print(list(mpymod.squares(6)), mpymod.adder(40)(2))
mpymod.show_traceback()

import mpylib

print(mpylib.describe({"b": 2, "a": 1}))

import both

print(both.WHICH)

try:
    import broken
except ValueError as error:
    print("ValueError:", error)

# Packages: NAME/__init__.py on /lib, and NAME/__init__.mpy in the current folder.
import mypkg

print(mypkg.X, mypkg.__path__.split("/")[-1])
import mypkg.sub

print(mypkg.sub.Y, mypkg.sub.__name__)
from mypkg import sub

print(sub is mypkg.sub)
import cpkg

print(cpkg.VALUE, cpkg.__path__.split("/")[-1], cpkg.__file__.split("/")[-2:])
