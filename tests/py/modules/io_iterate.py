# StringIO and BytesIO are their own iterators and yield one line at a time.
import io

text = io.StringIO("alpha\nbeta\n\ngamma")
for line in text:
    print(repr(line))
print(list(io.StringIO("x\ny\n")), list(io.StringIO("")))
data = io.BytesIO(b"1,2\n3,4\n")
print([line.strip().split(b",") for line in data])
stream = io.StringIO("first\nsecond\nthird\n")
print(stream.readline().strip(), next(iter(stream)).strip(), iter(stream) is stream)
print([len(line) for line in stream], stream.read() == "")
