# difference_update, intersection_update and symmetric_difference_update
# change the set in place and return None.
s = {1, 2, 3, 4}
alias = s
print(s.difference_update({1}), sorted(alias))
print(s.difference_update([2], (9,)), sorted(alias))
s = {1, 2, 3, 4}
alias = s
print(s.intersection_update({1, 3, 5}), sorted(alias))
print(s.intersection_update(range(2, 10)), sorted(alias))
s = {1, 2}
alias = s
print(s.symmetric_difference_update({2, 3}), sorted(alias))
print(s.symmetric_difference_update([1, 4]), sorted(alias))
s.difference_update()
print(sorted(s))
for name in ("difference_update", "intersection_update", "symmetric_difference_update"):
    try:
        getattr(frozenset({1}), name)({1})
    except AttributeError:
        print("frozenset has no", name)
for name in ("intersection_update", "symmetric_difference_update"):
    try:
        getattr(s, name)()
    except TypeError:
        print("TypeError", name)
