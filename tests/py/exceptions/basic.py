try:
    raise ValueError("bad value")
except ValueError as e:
    print("caught", e, e.args, repr(e))
try:
    [][1]
except IndexError as e:
    print("index", e)
try:
    {}["k"]
except KeyError as e:
    print("key", e)
try:
    undefined_name
except NameError as e:
    print("name", e)
try:
    1 + "a"
except TypeError as e:
    print("type", e)
try:
    int("x")
except ValueError as e:
    print("value", e)
try:
    raise KeyError("k")
except (TypeError, LookupError) as e:
    print("tuple match", type(e).__name__ if hasattr(type(e), "__name__") else "?")
def f():
    try:
        raise RuntimeError("inner")
    finally:
        print("finally runs")
try:
    f()
except RuntimeError as e:
    print("outer got", e)
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
try:
    pass
except Exception:
    print("no")
else:
    print("else branch")
finally:
    print("finally branch")
class MyError(Exception):
    pass
class SubError(MyError):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code
try:
    raise SubError(42)
except MyError as e:
    print("custom", e.code, e.args, isinstance(e, Exception))
try:
    raise MyError
except MyError as e:
    print("class raised", e.args)
def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("converted")
    except ValueError as e:
        return str(e)
print(nested())
try:
    assert 1 == 2, "assertion message"
except AssertionError as e:
    print("assert", e)
for i in range(3):
    try:
        if i == 1:
            raise StopIteration
        print("ok", i)
    except StopIteration:
        print("stop", i)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
e = ValueError("a", 2)
print(e, e.args)
