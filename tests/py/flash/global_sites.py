# LOAD_GLOBAL sites that remember where a name was found must see every
# change: rebinding, deletion (falling back to a builtin), a new global
# shadowing a builtin, globals grown past their table, and names added
# through globals().
counter = 1


def read_counter():
    return counter


def read_len():
    return len


def loop_sum(n):
    total = 0
    for _ in range(n):
        total += counter
    return total


print(read_counter(), loop_sum(3))
counter = 5
print(read_counter(), loop_sum(3))
print(read_len() is len)
len = lambda x: -1
print(read_len()(()))
del len
print(read_len()((1, 2)))
del counter
try:
    read_counter()
except NameError as error:
    print("NameError", error)
globals()["counter"] = 7
print(read_counter())
# Many new globals: the table grows and the values move.
for index in range(40):
    globals()["name%d" % index] = index
print(read_counter(), loop_sum(2), name39)
counter = 9
print(read_counter())


def make_reader():
    def reader():
        return shared
    return reader


reader = make_reader()
shared = "first"
print(reader())
shared = "second"
print(reader())
g = globals()
g.pop("shared")
try:
    reader()
except NameError:
    print("shared gone")
g["shared"] = "third"
print(reader())
