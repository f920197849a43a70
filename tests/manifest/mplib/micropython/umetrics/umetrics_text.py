def bar(count, width=10):
    return "#" * min(count, width)
