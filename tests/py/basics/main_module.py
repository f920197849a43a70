def helper():
    return "helper"


result = helper()
print(result)
print(type(__name__).__name__)
print(callable(helper), helper.__name__)
