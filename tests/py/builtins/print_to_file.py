import io
buffer = io.StringIO()
print("a", 1, sep="-", end="!", file=buffer)
print(file=buffer)
print("second", file=buffer)
print(repr(buffer.getvalue()))
