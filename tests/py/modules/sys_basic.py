import sys

print(sys.byteorder, type(sys.maxsize), sys.maxsize >= 2**30 - 1)
print(type(sys.argv), type(sys.path), type(sys.modules))
print(sys.version_info[0], type(sys.version))
print(type(sys.platform), len(sys.platform) > 0)
print(sys.stdout.write("written\n"))
print(type(sys.modules), "sys_basic_absent" in sys.modules)
try:
    raise ValueError("shown")
except ValueError as error:
    print(type(error).__name__)
try:
    sys.exit(3)
except SystemExit as exit:
    print("exit", exit.args)
print(type(sys.implementation.name), sys.implementation.version[0] >= 0)
