counter = 0


def bump():
    global counter
    counter += 1
    return counter


def forget():
    global counter
    del counter


def outer():
    x = 1

    def inner():
        nonlocal x
        x += 1
        del_me = 5
        del del_me
        return x

    inner()
    return x


bump()
print(bump(), outer())
forget()
