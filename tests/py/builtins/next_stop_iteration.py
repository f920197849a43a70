# next() raises the StopIteration a __next__ method raised, arguments and
# all, also through enumerate, map and zip (MicroPython's
# tests/basics/stopiteration.py, whose cases run through exec); a for loop
# still ends at it, and a later next() on another iterator raises its own.
class A:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


class B:
    def __getitem__(self, index):
        raise StopIteration(42)


def stop_args(name, make):
    try:
        next(make())
        print(name, "no StopIteration")
    except StopIteration as error:
        print(name, error.args)


stop_args("next", A)
stop_args("iter", lambda: iter(B()))
stop_args("enumerate", lambda: enumerate(A()))
stop_args("map", lambda: map(lambda x: x, A()))
stop_args("zip", lambda: zip(A()))
stop_args("exec", lambda: exec("next(A())"))
for item in A():
    print("never", item)
print("for loop ended")
print(list(A()), next(A(), "default"))
stop_args("empty list", lambda: iter([]))
