print("[{:10}]".format("left"), "[{:>10}]".format("right"), "[{:.2}]".format("truncate"))
print("[{:^10.3}]".format("abcdef"), "[{:s}]".format("plain"), "[{:*<8s}]".format("pad"))
print("[{!r}]".format("q"), "[{!s}]".format(5), "[{!r:>6}]".format("x"))
try:
    "{:d}".format("text")
except ValueError:
    print("ValueError")
