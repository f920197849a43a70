import os
import os.path
import a.b.c as d
from . import x
from .. import y as z
from .m import n
from ...pkg.mod import (p, q as r)
from os import *
def f():
    import sys
    from sys import path
    return sys, path
