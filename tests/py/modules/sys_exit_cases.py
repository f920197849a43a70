import sys
for code in (None, 0, 3, "message"):
    try:
        if code is None:
            sys.exit()
        sys.exit(code)
    except SystemExit as exit:
        print("exit", exit.args)
try:
    raise SystemExit(5)
except SystemExit as exit:
    print(type(exit).__name__, exit.args[0])
print(isinstance(SystemExit(), BaseException), isinstance(SystemExit(), Exception))
