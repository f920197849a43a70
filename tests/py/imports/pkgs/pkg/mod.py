from . import sub
def mod_func():
    return "mod_func in " + __name__
def sub_value():
    return sub.leaf.LEAF
