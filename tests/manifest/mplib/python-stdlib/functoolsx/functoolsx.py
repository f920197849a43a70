def reduce(function, items, initial):
    result = initial
    for item in items:
        result = function(result, item)
    return result


def partial(function, *bound):
    def call(*rest):
        return function(*(bound + rest))

    return call
