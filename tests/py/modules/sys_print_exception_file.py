import sys
import io
try:
    int("x")
except ValueError as error:
    out = io.StringIO()
    sys.print_exception(error, out)
    lines = out.getvalue().splitlines()
    print(lines[0], len(lines) >= 2, lines[-1].startswith("ValueError"))
