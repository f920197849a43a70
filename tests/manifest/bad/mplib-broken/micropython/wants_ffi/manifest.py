require("ffionly")
