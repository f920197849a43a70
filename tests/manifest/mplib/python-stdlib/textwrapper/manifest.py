metadata(version="0.1.0", description="Wraps text to a width.")

module("textwrapper.py")
