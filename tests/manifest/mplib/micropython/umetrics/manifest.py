metadata(version="0.7.0")

module("umetrics.py", opt=1)
# An included manifest shares this package's metadata, so its module gets
# the same __version__.
include("contrib")
