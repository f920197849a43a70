# ** takes any object with keys() and __getitem__; a name given twice to
# one call is a TypeError.
def show(**kw):
    print(sorted(kw.items()))


class Mapping:
    def keys(self):
        return ["a", "b", "a long keyword name of some length"]

    def __getitem__(self, key):
        return len(key)


show(**Mapping())
show(x=1, **Mapping())
show(**{"p": 1}, **{"q": 2})
for call in (lambda: show(**{"a": 1}, **{"a": 2}), lambda: show(a=1, **Mapping()), lambda: show(**[1])):
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
