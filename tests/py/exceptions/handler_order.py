def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError branch"
    except LookupError:
        return "LookupError branch"
    except Exception:
        return "Exception branch"
    except BaseException:
        return "BaseException branch"


for exc in (KeyError(), IndexError(), ValueError(), GeneratorExit()):
    print(type(exc).__name__, "->", classify(exc))
