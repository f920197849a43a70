class WithData(Exception):
    pass


e = WithData("msg")
e.code = 42
e.extra = [1, 2]
print(e.code, e.extra, e.args)
try:
    raise e
except WithData as caught:
    print(caught is e, caught.code)
try:
    ValueError("x").custom = 1
    print("builtin instances take attributes")
except AttributeError:
    print("builtin exception instances have no attributes")
