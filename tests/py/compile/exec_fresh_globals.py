# Code run by exec in a fresh dict finds the builtins module's __name__.
exec("print(__name__)", {})
exec("class A: pass\nprint(A.__module__)", {})
