class Config:
    debug = False

    def __init__(self):
        self.level = 3


c = Config()
for name in ("debug", "level", "missing"):
    print(name, getattr(c, name, "n/a"), hasattr(c, name))
setattr(c, "level", 5)
setattr(Config, "debug", True)
print(c.level, c.debug, Config().debug)
method = getattr(c, "__init__")
print(callable(method))
try:
    getattr(c, "missing")
except AttributeError:
    print("AttributeError without default")
