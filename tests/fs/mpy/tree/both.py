# Beside both.mpy: MicroPython imports NAME.py before NAME.mpy.
WHICH = "the .py file"
