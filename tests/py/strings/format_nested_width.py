for width in (4, 8):
    print("[{:>{w}}] [{:<{w}}] [{:^{w}}]".format("x", "y", "z", w=width))
for precision in (1, 3):
    print("{:.{p}f} {:10.{p}f}|".format(3.14159, 2.71828, p=precision))
print("{0:{1}{2}}".format(42, ">", 6))
