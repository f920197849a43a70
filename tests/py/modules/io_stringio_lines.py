import io
source = io.StringIO("alpha\nbeta\n\ngamma")
lines = []
while True:
    line = source.readline()
    if not line:
        break
    lines.append(line.rstrip("\n"))
print(lines)
out = io.StringIO()
for word in ("x", "y"):
    out.write(word + ";")
print(out.getvalue())
