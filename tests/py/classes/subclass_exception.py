class AppError(Exception):
    pass


class DbError(AppError):
    def __init__(self, table, code):
        super().__init__("db failure in " + table)
        self.table = table
        self.code = code


class Quiet(AppError):
    def __str__(self):
        return "quiet!"


try:
    raise DbError("users", 7)
except AppError as e:
    print(type(e).__name__, e, e.args, e.table, e.code)
    print(isinstance(e, Exception), isinstance(e, DbError))
try:
    raise Quiet(1, 2)
except Exception as e:
    print(e, e.args, repr(e))
print(repr(AppError("x")), str(AppError()), AppError(1, 2).args)
print(issubclass(DbError, Exception), issubclass(DbError, BaseException), issubclass(DbError, ValueError))


class Wrapped(ValueError):
    pass


try:
    int("zz")
except ValueError as e:
    print("builtin ValueError first")
try:
    raise Wrapped("mine")
except ValueError as e:
    print("caught subclass as ValueError:", e)
