# In-place set operations with the set itself as the other operand, and the
# parts of a bytearray's partition are bytearrays.
s = {1, 2, 3}
s.difference_update(s)
print(s)
s = {1, 2, 3}
s.intersection_update(s)
print(sorted(s))
s = {1, 2, 3}
s.symmetric_difference_update(s)
print(s)
s = {4, 5}
s -= s
print(s)
print(bytearray(b"asdf").partition(b"s"), bytearray(b"asdsf").rpartition(b"s"))
print(b"asdf".partition(b"s"), "asdf".partition("x"))
