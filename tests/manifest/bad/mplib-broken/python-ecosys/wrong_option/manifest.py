require("tomlopts", unix_ffi=True)
