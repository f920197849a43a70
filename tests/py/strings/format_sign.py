for value in (5, -5, 0):
    print("[{:+}] [{:-}] [{: }] [{:+5}] [{: 5}]".format(value, value, value, value, value))
for value in (1.5, -1.5):
    print("[{:+.1f}] [{: .1f}] [{:-.1f}]".format(value, value, value))
