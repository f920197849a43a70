def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def itemgetter(key):
    def get(item):
        return item[key]

    return get
