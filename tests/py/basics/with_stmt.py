class Tracker:
    def __init__(self, log, name):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append("exit " + self.name + (" with " + exc[0].__name__ if exc[0] else ""))
        return False


log = []
with Tracker(log, "a") as a, Tracker(log, "b") as b:
    log.append("body " + a.name + b.name)
print(log)
log = []
try:
    with Tracker(log, "outer"):
        with Tracker(log, "inner"):
            raise IndexError
except IndexError:
    log.append("handled")
print(log)


def gen_with():
    log = []
    for i in range(3):
        with Tracker(log, str(i)):
            if i == 1:
                continue
            log.append("work")
    return log


print(gen_with())
