import os

APP = "app"
module(APP + ".py")
for name in ("a.py", "b.py"):
    module(name)


def helper():
    pass
