def fnmatch(name, pattern):
    if not pattern:
        return not name
    if pattern[0] == "*":
        return any(fnmatch(name[start:], pattern[1:]) for start in range(len(name) + 1))
    if not name:
        return False
    if pattern[0] == "?" or pattern[0] == name[0]:
        return fnmatch(name[1:], pattern[1:])
    return False


def filter(names, pattern):
    return [name for name in names if fnmatch(name, pattern)]
