def check(x):
    assert x > 0, "x must be positive, got %d" % x
    assert x < 100
    return x


print(check(5))
for value in (-1, 100):
    try:
        check(value)
    except AssertionError as e:
        print("AssertionError", e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert True
assert 1, "never"
print("done")
