# Formatting rounds a float that lies exactly halfway away from zero
# (MicroPython's rule), while round() rounds such ties to even.
print("%.1f %.1f %.0f %.0f %.0f %.2f %.1f" % (0.25, 0.75, 0.5, 1.5, 2.5, 1.125, -0.25))
print("{:.1f} {:.1f} {:.2f} {:.1f}".format(0.25, 14.25, 2.675, 14.45))
print("%.1e %.1e %.2g %.1g %.3e" % (1.25, 2.5e10, 1.25, 0.25, -1.0625))
print("%.0e %.1e %.0f %.1f" % (25.0, 1.05, 1e22, 1234567.25))
print(f"{0.125:.2f} {-0.125:.2f} {9.5:.0f} {99.5:.3g} {0.5:.0%}")
print(round(2.5), round(0.25, 1), round(14.25, 1), round(-0.5), round(3.5))
print("%.3f %.1f %.2f" % (1.0005, 0.05, 1 / 3))
