# An uncaught compile error prints MicroPython's traceback: the caller's
# line, then the compiled text's file and line without a function name.
def run(text):
    exec(text)


print("before")
run("a = 1\nb = 2\nc = (3 +\n")
