raise ImportError("experimental.py is not listed in the manifest and must not be frozen")
