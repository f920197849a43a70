def trial(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


print(trial(False))
print(trial(True))


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


def finally_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed at %d" % i


print(finally_swallows())


def nested():
    try:
        try:
            raise TypeError("a")
        finally:
            print("inner finally")
    except TypeError as e:
        print("caught", e)
    finally:
        print("outer finally")


nested()
