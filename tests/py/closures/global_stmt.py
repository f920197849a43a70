counter = 0
name = "global name"


def bump():
    global counter
    counter += 1
    return counter


def shadow():
    name = "local name"
    return name


def create():
    global created
    created = "made inside a function"


print(bump(), bump(), counter)
print(shadow(), name)
create()
print(created)


def read_only():
    return counter * 10


print(read_only())


def unbound():
    try:
        print(counter)
        counter = 5
    except NameError as e:
        print(type(e).__name__)


unbound()
