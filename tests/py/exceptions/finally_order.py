def gen_log():
    log = []

    def step(name):
        log.append(name)

    def body():
        try:
            step("try1")
            try:
                step("try2")
                return "value"
            finally:
                step("finally2")
        finally:
            step("finally1")

    result = body()
    return result, log


print(gen_log())


def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(loop_finally())


def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("cleanup", n)


print(while_finally())
