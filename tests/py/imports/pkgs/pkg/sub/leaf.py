LEAF = "leaf"
def call_up():
    from ..mod import mod_func
    return mod_func()
