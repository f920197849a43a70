require("computed")
