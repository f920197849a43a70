pass; x = 1; y = 2;
while True:
    break
for i in r:
    continue
def f():
    return
def g():
    return 1, *rest
raise
raise E
raise E("msg") from cause
assert x
assert x, "message"
