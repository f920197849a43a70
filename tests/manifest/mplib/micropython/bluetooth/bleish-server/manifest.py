metadata(version="0.2.0")

require("bleish-core")
package("bleish", files=("server.py",), base_path="../bleish")
