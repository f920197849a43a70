# `import ufoo` finds the builtin module foo, as in MicroPython.
import ure, urandom, ujson
print(ure.__name__, urandom.__name__, ujson.__name__)
print(ure.match("a+", "aab").group(0))
