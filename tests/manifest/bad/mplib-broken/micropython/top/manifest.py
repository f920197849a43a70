metadata(version="1.0.0")
require("middle")
