print("a\nb\nc".splitlines(), "a\nb\n".splitlines(), "\n\n".splitlines())
print("a\r\nb\rc".splitlines(), "no newline".splitlines(), "".splitlines())
print("a\nb\n".splitlines(True), "x\r\ny".splitlines(True))
for line in "first\nsecond\nthird".splitlines():
    print(line.upper())
