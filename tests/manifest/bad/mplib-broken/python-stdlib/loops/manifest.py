for name in ["a.py", "b.py"]:
    module(name)
