import sys
import os.path
import collections as col
from micropython import const
from math import sqrt, pi as PI
from array import *

_PRIVATE = const(10)
PUBLIC = const(20)
print(sys.platform is not None, sqrt(4.0), PI > 3, _PRIVATE + PUBLIC)
