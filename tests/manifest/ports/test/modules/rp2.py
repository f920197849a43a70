from _rp2 import *


def bootsel_button():
    return 0
