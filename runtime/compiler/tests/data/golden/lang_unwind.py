# Unwind jumps: return/break/continue crossing try/finally and with blocks,
# nested loops with finally, exceptions inside finally, generators closing.

log = []


class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append("+" + self.name)
        return self

    def __exit__(self, *exc):
        log.append("-" + self.name)
        return False


def ret_in_try():
    try:
        return "try"
    finally:
        log.append("f1")


def ret_in_finally_overrides():
    for i in range(3):
        try:
            return "try %d" % i
        finally:
            if i == 0:
                continue_marker = True
            log.append("f2")


def break_in_try():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def continue_in_try():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("c%d" % i)
    return out


def break_in_finally():
    out = []
    for i in range(3):
        try:
            out.append("t%d" % i)
            raise ValueError(i)
        finally:
            out.append("fin%d" % i)
            break
    return out


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        finally:
            out.append("cf")
            continue
    return out


def return_in_finally_swallows():
    try:
        raise RuntimeError("gone")
    finally:
        return "swallowed"


def nested_with_for_try():
    out = []
    with Ctx("A"):
        for i in range(4):
            with Ctx("B%d" % i):
                try:
                    if i == 1:
                        continue
                    if i == 3:
                        return out
                    out.append(i)
                finally:
                    log.append("fin%d" % i)
    return "not reached"


def deep_finally_chain():
    order = []
    try:
        try:
            try:
                return order
            finally:
                order.append(1)
        finally:
            order.append(2)
    finally:
        order.append(3)


def while_with_finally():
    n = 0
    hits = []
    while True:
        n += 1
        try:
            if n > 5:
                break
            if n % 2:
                continue
            hits.append(n)
        finally:
            hits.append(-n)
    return hits


def exception_in_loop_finally():
    out = []
    try:
        for i in range(3):
            try:
                out.append(i)
                if i == 1:
                    raise ValueError("stop")
            finally:
                out.append("f")
    except ValueError as e:
        out.append(str(e))
    return out


def gen_with_finally():
    try:
        for i in range(10):
            yield i
    finally:
        log.append("gen closed")


print("ret_in_try:", ret_in_try())
print("ret loop:", ret_in_finally_overrides())
print("break_in_try:", break_in_try())
print("continue_in_try:", continue_in_try())
print("break_in_finally:", break_in_finally())
print("continue_in_finally:", continue_in_finally())
print("return_in_finally:", return_in_finally_swallows())
print("deep chain:", deep_finally_chain())
print("while finally:", while_with_finally())
print("exc in loop:", exception_in_loop_finally())
log.clear()
print("nested:", nested_with_for_try())
print("log:", log)
log.clear()
g = gen_with_finally()
print("gen:", next(g), next(g), next(g))
g.close()
print("log after close:", log)
log.clear()
g2 = gen_with_finally()
for v in g2:
    if v == 2:
        break
g2.close()
print("break out of gen loop then close:", log)
total = 0
for i in range(3):
    for j in range(3):
        try:
            if j == 1:
                break
            total += 10 ** i
        finally:
            total += 1
print("nested loop break total:", total)


def try_except_finally_return_value():
    x = 1
    try:
        x = 2
        raise ValueError
    except ValueError:
        x = 3
        return x
    finally:
        x = 4
        log.append("x was %d" % x)


log.clear()
print("except return:", try_except_finally_return_value(), log)
