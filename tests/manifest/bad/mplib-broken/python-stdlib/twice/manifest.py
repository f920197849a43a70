metadata(version="0.1.0")
include("more")
