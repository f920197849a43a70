import sys

print(sys.byteorder, type(sys.maxsize), sys.maxsize >= 2**30 - 1)
print(type(sys.argv), type(sys.path), type(sys.modules))
print(sys.version_info[0], type(sys.version))
print(sys.platform in ("linux", "rp2", "qemu", "darwin"))
print(sys.stdout.write("written\n"))
print("sys" in sys.modules, sys.modules["sys"] is sys)
try:
    raise ValueError("shown")
except ValueError as error:
    print(type(error).__name__)
try:
    sys.exit(3)
except SystemExit as exit:
    print("exit", exit.args)
print(type(sys.implementation.name), sys.implementation.version[0] >= 0)
