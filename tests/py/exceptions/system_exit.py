import sys

try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.args)
try:
    raise SystemExit("message")
except BaseException as e:
    print(type(e).__name__, e)
try:
    try:
        sys.exit()
    except Exception:
        print("not caught by Exception")
except SystemExit:
    print("caught by SystemExit")
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e.args)
print("end")
