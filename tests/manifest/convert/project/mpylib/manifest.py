# A MicroPython user's application manifest that takes modules straight
# from a micropython-lib checkout, passed as `--var MPY_LIB_DIR=...` (the
# name the user already uses with MicroPython's make).
module("bisection.py", base_path="$(MPY_LIB_DIR)/python-stdlib/bisection")
freeze("$(MPY_LIB_DIR)/python-ecosys/semver", "semver.py", opt=1)
