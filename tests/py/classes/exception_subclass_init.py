class HttpError(Exception):
    def __init__(self, status, reason="unknown"):
        self.status = status
        self.reason = reason


try:
    raise HttpError(404, "not found")
except HttpError as e:
    print(e.status, e.reason, e.args)


class NoInit(Exception):
    pass


e = NoInit("a", 2)
print(e.args, str(e), repr(e))


class CustomStr(KeyError):
    def __str__(self):
        return "custom " + str(self.args[0])


try:
    raise CustomStr("k")
except LookupError as e:
    print(e, type(e).__name__)
