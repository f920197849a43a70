# Global lookups repeated while the module dict changes under them: rebinding,
# deleting, re-adding, and growing the dict (which renumbers its entries).
counter = 1


def read():
    return counter


print(read())
counter = 2
print(read())
del counter
try:
    read()
except NameError:
    print("NameError")
for index in range(40):
    globals()["filler%d" % index] = index
counter = 3
print(read(), filler39)
del filler0
print(read(), filler1)


def len(value):
    return "shadowed"


print(len([1]))
del len
print(len([1, 2]))
