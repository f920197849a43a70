def replace():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")


try:
    replace()
except Exception as e:
    print(type(e).__name__, e)


def in_except():
    try:
        raise ValueError("original")
    except ValueError:
        raise TypeError("while handling")


try:
    in_except()
except TypeError as e:
    print(type(e).__name__, e)
except ValueError:
    print("wrong one")


def finally_after_except():
    try:
        try:
            raise ValueError("v")
        except ValueError:
            raise IndexError("i")
        finally:
            print("finally runs")
    except IndexError as e:
        print("got", e)


finally_after_except()
