import sys
import io
def failing():
    raise ValueError("bad value")
try:
    failing()
except ValueError as error:
    buffer = io.StringIO()
    sys.print_exception(error, buffer)
    text = buffer.getvalue()
    print(text.startswith("Traceback"), text.strip().splitlines()[-1])
try:
    {}["key"]
except KeyError as error:
    buffer = io.StringIO()
    sys.print_exception(error, buffer)
    print(buffer.getvalue().strip().splitlines()[-1])
