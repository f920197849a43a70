def basename(path):
    return path.rsplit("/", 1)[-1]


def dirname(path):
    if "/" not in path:
        return ""
    return path.rsplit("/", 1)[0]
