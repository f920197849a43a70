for value in (0.0, 0.5, 0.126, 1.0, 1.5, -0.25):
    print("{:%} {:.0%} {:.1%} {:>8.2%}".format(value, value, value, value))
