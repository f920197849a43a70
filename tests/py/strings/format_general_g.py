for value in (1.0, 10.0, 123456.0, 1234567.0, 0.0001, 0.00001, 1.5e-7, 100.0, 3.0e15, 2.2501):
    print("{:g} {:.2g} {:.10g} {:G}".format(value, value, value, value))
