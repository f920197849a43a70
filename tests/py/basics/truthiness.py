values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {"": 0}, set(), None, True, False, range(0), range(1), b"", b"\x00"]
print([bool(v) for v in values])
print(sum(1 for v in values if v))
if [] or {} or "":
    print("never")
else:
    print("all empty containers are falsy")
print(bool(2**100), bool(-(2**100)), bool(2**100 - 2**100))
