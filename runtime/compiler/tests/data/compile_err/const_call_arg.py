Y = const(len("a"))
