import greet
import tools
from tools import maths

print(greet.hello("board"))
print(greet.__name__, greet.__file__.endswith("greet.py"))
print(tools.VERSION, maths.square(12), maths.Counter().bump().bump().count)
import greet as again
print(again is greet)
try:
    import tools.broken
except ValueError as error:
    print("ValueError", error)
print("tools.broken" in __import__("sys").modules)
