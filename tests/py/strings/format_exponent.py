for value in (0.0, 1.0, 12345.678, 0.00012345, -9.87e20, 1e-100):
    print("{:e} {:.2e} {:E} {:.0e}".format(value, value, value, value))
print("%e %.3E" % (5e-5, 123456))
