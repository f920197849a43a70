import math
names = dir(math)
print("sqrt" in names, "pi" in names, "not_there" in names)
top_level_value = 1
def top_level_function():
    pass
here = dir()
print("top_level_value" in here, "top_level_function" in here, "math" in here)
