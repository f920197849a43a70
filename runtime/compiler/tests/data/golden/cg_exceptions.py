def f(items):
    for item in items:
        try:
            if item == 1:
                continue
            if item == 2:
                break
            print(item)
        except ValueError as e:
            print("value", e)
        except (TypeError, KeyError):
            raise
        except Exception as e:
            raise RuntimeError("x") from e
        else:
            print("else")
        finally:
            print("finally")
    while True:
        try:
            return 1
        finally:
            pass

def g(path):
    with open(path) as fh, open(path) as fh2:
        for line in fh:
            if line:
                break
            continue
        return fh.read()
    with open(path):
        pass

try:
    f([1, 2, 3])
except:
    pass
try:
    pass
finally:
    print("x")
