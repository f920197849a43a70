import ffi
