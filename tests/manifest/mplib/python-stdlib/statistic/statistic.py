import bisection


def mean(values):
    return sum(values) / len(values)


def median(values):
    ordered = []
    for value in values:
        bisection.insort(ordered, value)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
