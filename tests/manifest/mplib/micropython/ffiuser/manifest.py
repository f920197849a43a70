# Registers the checkout's unix-ffi folder as a library, as MicroPython's unix
# port does, then requires a package that only unix-ffi has.
metadata(version="0.1.0")

add_library("unix-ffi", "$(MPY_LIB_DIR)/unix-ffi")
require("ffiwrap")
