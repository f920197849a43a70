# In MicroPython `.errno` and `.value` are args[0] (or None) on every
# exception, not only on OSError and StopIteration.
print(OSError(5, "I/O error").errno, OSError(5, "I/O error").args)
print(OSError().errno, OSError("message").errno)
print(ValueError("x").value, KeyError().value, StopIteration(7).value)
try:
    raise OSError(110)
except OSError as error:
    print("caught", error.errno, error.errno == 110)


class Timeout(OSError):
    pass


print(Timeout(116).errno)


class Custom(Exception):
    def __init__(self, code):
        super().__init__("custom")
        self.value = code


print(Custom(3).value, Custom(3).args)
