for value in (0.0, 1.0, -2.5, 3.14159, 1234.5678, 0.000123, 1e10):
    print("{:f}|{:.2f}|{:e}|{:.3e}|{:g}|{:.3g}".format(value, value, value, value, value, value))
print("{:E} {:G} {:F}".format(12345.678, 1e-10, 2.5))
print("{:.0f} {:.0e} {:.1%} {:%}".format(3.7, 12345, 0.256, 0.5))
print("{:10.3f}|{:<10.2e}|{:^10.1g}|".format(3.14159, 1234.5678, 0.0371))
print("{:f} {:e} {:g}".format(float("inf"), float("-inf"), float("nan")))
