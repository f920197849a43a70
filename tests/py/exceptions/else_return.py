def lookup(d, key):
    try:
        value = d[key]
    except KeyError:
        return "missing"
    else:
        return "found %s" % value
    finally:
        print("lookup", key)


print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))


def generator_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")


for v in generator_with_finally():
    print(v)
    break
print("after break")
