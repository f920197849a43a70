import sys
print(type(sys.argv) is list, type(sys.path) is list, type(sys.modules) is dict)
print(sys.byteorder, sys.maxsize > 2**30 - 2, type(sys.maxsize) is int)
print(type(sys.implementation.name), type(sys.implementation.version) is tuple, len(sys.implementation.version) >= 3)
print(type(sys.version) is str, sys.version_info[0], len(sys.version_info) >= 3)
print(type(sys.platform) is str, len(sys.platform) > 0)
