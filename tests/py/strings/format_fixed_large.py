# A fixed-point float too long for MicroPython's 33-byte float text (32
# after a sign) is written as 'g' with one more digit of precision; shorter
# ones stay fixed.
for value in (8.888e32, 1e64, -1e31, 2.0**110, 1.5e40, 123.25, -0.5):
    print("%.2f" % value, "%.0f" % value, "%f" % value, "%+.1f" % value)
print("{:.3F}".format(1e40), "{:.1%}".format(1e31), "{:10.1f}|".format(1e35), "{: .2f}".format(9e33))
print(f"{1e300:f}", f"{-2.5e50:.4f}", "%.3f" % 1234567.125)
