def bisect_left(items, value):
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if items[middle] < value:
            low = middle + 1
        else:
            high = middle
    return low


def insort(items, value):
    items.insert(bisect_left(items, value), value)
