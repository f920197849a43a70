metadata(version="1.1.0")

require("collectionsx")
require("semver")
require("jsonlines")
module("kvstore.py")
