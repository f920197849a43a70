# A plain dict refuses a slice as a key to store (a slice has no hash); an
# OrderedDict, searched in order, takes one.
from collections import OrderedDict

d = {}
try:
    d[1:2] = 3
except TypeError as error:
    print("TypeError", error)
print(d)
ordered = OrderedDict()
ordered[1:2] = 3
print(list(ordered.values()))
