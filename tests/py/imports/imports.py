import helper
print(helper.VALUE, helper.greet("rime"), helper.Thing(21).double())
from helper import greet, VALUE as V
print(greet("x"), V)
from helper import *
print(Thing(2).double())
try:
    _private
except NameError:
    print("private not imported")
import pkg
print(pkg.PKG_NAME, pkg.mod_func())
import pkg.sub.leaf
print(pkg.sub.leaf.LEAF, pkg.sub.leaf.call_up())
from pkg.mod import sub_value
print(sub_value())
from pkg.sub import leaf
print(leaf.LEAF)
import sys
print("helper" in sys.modules, "pkg.sub.leaf" in sys.modules, sys.modules["helper"] is helper)
try:
    import does_not_exist
except ImportError as e:
    print("ImportError")
print(__name__)
