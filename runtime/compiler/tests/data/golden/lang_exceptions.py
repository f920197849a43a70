# Exceptions: custom hierarchies, raise from, re-raise, args, finally
# ordering, nested handlers, exception in handler, catching tuples.


class AppError(Exception):
    code = 1

    def __init__(self, msg, *extra):
        super().__init__(msg, *extra)
        self.msg = msg


class ConfigError(AppError):
    code = 2


class MissingKey(ConfigError):  # (ConfigError, KeyError) is a layout conflict in MicroPython
    code = 3


class NetworkError(AppError):
    def __init__(self, host, port):
        super().__init__("cannot reach %s:%d" % (host, port))
        self.host = host
        self.port = port


def classify(exc):
    try:
        raise exc
    except MissingKey as e:
        return "MissingKey(code=%d, %s)" % (e.code, e.msg)
    except ConfigError as e:
        return "ConfigError(code=%d)" % e.code
    except NetworkError as e:
        return "NetworkError %s %d" % (e.host, e.port)
    except AppError as e:
        return "AppError args=%r" % (e.args,)
    except (ValueError, TypeError) as e:
        return "builtin %s: %s" % (type(e).__name__, e)
    except Exception as e:
        return "other " + type(e).__name__


for exc in [MissingKey("port"), ConfigError("bad"), NetworkError("pico.local", 80),
            AppError("generic", 1, 2), ValueError("v"), TypeError("t"), ZeroDivisionError()]:
    print(classify(exc))
print("isinstance:", isinstance(MissingKey("x"), Exception), issubclass(MissingKey, AppError), issubclass(NetworkError, ConfigError))


def parse_port(s):
    try:
        return int(s)
    except ValueError as e:
        raise ConfigError("invalid port " + repr(s)) from e


for s in ("8080", "http"):
    try:
        print("port:", parse_port(s))
    except ConfigError as e:
        print("error:", e.msg, "| cause:", type(e.__cause__).__name__ if hasattr(e, "__cause__") else "n/a")

trace = []


def steps(mode):
    trace.append("start " + mode)
    try:
        trace.append("try")
        if mode == "raise":
            raise RuntimeError("boom")
        if mode == "return":
            return "early"
    except RuntimeError as e:
        trace.append("except " + str(e))
        return "handled"
    else:
        trace.append("else")
    finally:
        trace.append("finally")
    trace.append("after")
    return "normal"


for mode in ("ok", "raise", "return"):
    trace.clear()
    r = steps(mode)
    print("%-6s -> %-8s %s" % (mode, r, trace))


def reraise():
    try:
        try:
            {}["missing"]
        except KeyError:
            print("  inner caught KeyError, re-raising")
            raise
    except LookupError as e:
        print("  outer caught as LookupError:", type(e).__name__)


reraise()


def handler_raises():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("from handler")
    except ValueError as e:
        return "got %s (context=%s)" % (e, type(e.__context__).__name__ if hasattr(e, "__context__") and e.__context__ else "n/a")


print(handler_raises())


def finally_overrides():
    try:
        raise IndexError("lost")
    finally:
        return "finally wins"


print(finally_overrides())

errors = []
for val in [1, 0, "x", None, [1]]:
    try:
        r = 10 / val
        errors.append("ok %.1f" % r)
    except ZeroDivisionError:
        errors.append("zero")
    except TypeError:
        errors.append("type")
print("loop handlers:", errors)
try:
    raise AppError("with args", 42, "x")
except AppError as e:
    print("args:", e.args, "str:", str(e))
e1 = ValueError()
print("empty args:", e1.args, repr(str(e1)))
try:
    raise KeyError
except KeyError as e:
    print("class raise gives instance:", type(e).__name__, e.args)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError from builtin caught")
try:
    int("12z")
except ValueError:
    print("ValueError from int()")
try:
    undefined_name_here
except NameError:
    print("NameError caught")
try:
    None.attr
except AttributeError:
    print("AttributeError caught")
try:
    raise StopIteration(5)
except StopIteration as e:
    print("StopIteration value:", e.value if hasattr(e, "value") else e.args[0])
try:
    try:
        raise OSError(2, "no such file")
    finally:
        print("finally before propagation")
except OSError as e:
    print("OSError args:", e.args, e.errno if hasattr(e, "errno") else e.args[0])
