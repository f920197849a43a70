# min() and max() over several arguments or one iterable, with key= and default=.
print(max(3, 1, 2), min(3, 1, 2), max(2.5, 2), min(-1, -1.5))
print(max("b", "abc", key=len), min([4, -7, 5], key=abs), max((1, "x"), (1, "y")))
print(max([], default="none"), min(iter([9, 8])), max(range(5)))
print(max(1, 1.0), max(1.0, 1), min("zeta", "alpha", "mid"))
for bad in (lambda: max([]), lambda: min(1, "a")):
    try:
        bad()
    except (ValueError, TypeError) as error:
        print(type(error).__name__)
