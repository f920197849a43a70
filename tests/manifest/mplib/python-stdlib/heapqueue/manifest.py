metadata(version="0.9.1")
module("heapqueue.py", opt=2)
