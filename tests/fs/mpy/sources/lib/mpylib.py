# Compiled to lib/mpylib.mpy; found through /lib, after the frozen modules.
def describe(items):
    return ", ".join("{}={}".format(k, v) for k, v in sorted(items.items()))
