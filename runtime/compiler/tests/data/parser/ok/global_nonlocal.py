def outer():
    global a, b
    x = 1
    def inner():
        nonlocal x
        x = 2
    return inner
