import a
import a.b.c
import a.b as c, d as e
from a import b
from a.b import c as d, e
from . import x
from .. import y
from ...pkg import z
from .mod import (p, q as r,)
from m import *
from . mod import w
