print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=7), "{0}-{key}".format(1, key=2))
print("{{literal}} {}".format("x"), "{{}}".format(), "}}{{".format())
print("{:{}}|".format("w", 5), "{:{}.{}}".format(3.14159, 8, 3), "{0:{1}}|".format("z", 3))
print("{!r}".format([1, "a"]), "{}".format(None), "{}".format((1, 2)))
for bad in ("{", "}", "{0} {}"):
    try:
        bad.format(1, 2)
    except (ValueError, IndexError):
        print("error", repr(bad))
try:
    "{5}".format(1)
except IndexError:
    print("IndexError")
try:
    "{missing}".format(1)
except KeyError:
    print("KeyError")
