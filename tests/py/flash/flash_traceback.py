# A traceback through functions laid out in flash names their file and lines.
import flashlib

try:
    flashlib.fail(2)
except ValueError as e:
    print("caught", e)
flashlib.fail(1)
