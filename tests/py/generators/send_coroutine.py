def grep(pattern):
    print("looking for", pattern)
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("matches:", matches)


g = grep("py")
next(g)
for line in ["python", "rust", "micropython", "c"]:
    g.send(line)
g.close()
