# Compiled to both.mpy; a both.py with other text sits beside it and wins.
WHICH = "the .mpy file"
