# The program from issue 15: a builtin iterating a generator that raises,
# caught a thousand times. Each failed call used to leak a temporary root.
def gen():
    yield 1
    raise ValueError("x")


n = 0
for i in range(1000):
    try:
        any(x > 5 for x in gen())
    except ValueError:
        n += 1
print("caught", n)
