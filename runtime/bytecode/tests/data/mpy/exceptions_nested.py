class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


def level3():
    raise MyError(3)


def level2():
    try:
        level3()
    except MyError as e:
        try:
            raise ValueError(e.code)
        except ValueError:
            raise
        finally:
            print("inner finally")


def level1():
    try:
        level2()
    except ValueError as v:
        return v.args
    finally:
        print("outer finally")


print(level1())
