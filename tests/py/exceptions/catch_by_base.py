def risky(kind):
    if kind == 0:
        return [][1]
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return 1 // 0
    if kind == 3:
        raise NotImplementedError("todo")
    return "fine"


for kind in range(5):
    try:
        print("result", risky(kind))
    except LookupError as e:
        print("LookupError", type(e).__name__)
    except ArithmeticError as e:
        print("ArithmeticError", type(e).__name__, e)
    except RuntimeError as e:
        print("RuntimeError", type(e).__name__, e)
try:
    raise KeyError("x")
except (TypeError, LookupError) as e:
    print("tuple caught", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not here")
except Exception as e:
    print("outer caught", e)
