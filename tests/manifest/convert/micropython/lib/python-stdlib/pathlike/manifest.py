metadata(version="0.2.1", description="Join and split slash-separated paths.", license="MIT")

module("pathlike.py")
