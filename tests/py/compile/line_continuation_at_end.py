# A backslash line continuation that runs into the end of the input leaves
# its statement unfinished (MicroPython's lexer gives it no NEWLINE), except
# in eval mode; a backslash at the very end continues the line too, and one
# in a comment continues nothing (MicroPython's tests/basics/parser.py).
cases = (
    ("\\\n", "exec"),
    ("\\\n", "single"),
    ("\\\n", "eval"),
    ("\\\n\n", "single"),
    ("", "single"),
    ("#c\n", "single"),
    ("x\\\n", "exec"),
    ("x\\\n", "single"),
    ("x\\\n", "eval"),
    ("x\\", "exec"),
    ("x\\", "eval"),
    ("x\\\n\n", "exec"),
    ("x\\\n ", "exec"),
    ("x = (1 +\\\n", "exec"),
    ("x = 1 +\\\n2\n", "exec"),
    ("x = 1 # c\\\n", "exec"),
    ("x = 1 # c\\\n\\\n", "exec"),
    ("x = '#'\\\n", "exec"),
    ("if 1:\n  pass\n\\\n", "exec"),
    ("if 1:\n  pass\n  \\\n", "single"),
    ("x\\\r\n", "exec"),
    ("x\\\r\n\r\n", "exec"),
)
for source, mode in cases:
    try:
        compile(source, "stdin", mode)
        print(mode, repr(source), "compiles")
    except SyntaxError:
        print(mode, repr(source), "SyntaxError")
