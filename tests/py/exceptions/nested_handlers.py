def process(items):
    results = []
    for item in items:
        try:
            try:
                value = 100 // item
            except ZeroDivisionError:
                value = None
                raise
            finally:
                results.append(("tried", item))
        except ZeroDivisionError:
            results.append(("zero", item))
        else:
            results.append(("ok", value))
    return results


for r in process([5, 0, 20]):
    print(r)
