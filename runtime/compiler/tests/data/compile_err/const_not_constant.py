from micropython import const
X = const(1)
Y = const(X + foo)
