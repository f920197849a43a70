# Compile errors are SyntaxError or IndentationError values with
# MicroPython's messages.
sources = [
    "1 +",
    "if 1:\n  a = 1\n    b = 2",
    "def f():\n  return 1\n return 2",
    "return 5",
    "f() = 1",
    "del f()",
    "break",
    "yield 1",
    "def f(a, a):\n    pass",
    "def f(a=1, b):\n    pass",
    "f(a=1, 2)",
    "x = 1 +* 2",
    "'abc",
    "class",
    "nonlocal x",
    "def f():\n    global x\n    x = 1\n    nonlocal x",
    "import *",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
    "match x:\n    case 1:\n        pass",
    "a, *b, *c = 1, 2, 3",
    "lambda: (yield)",
]
for source in sources:
    for mode in ("exec", "eval", "single"):
        try:
            compile(source, "<src>", mode)
            print(mode, "compiled")
        except SyntaxError as err:
            print(mode, type(err).__name__, err.args)
print(issubclass(IndentationError, SyntaxError), isinstance(IndentationError("x"), SyntaxError))
try:
    exec("x = (")
except Exception as err:
    print(type(err).__name__, err)
