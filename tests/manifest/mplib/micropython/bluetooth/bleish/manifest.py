# Like aioble: this manifest only forwards to the component manifests, which
# freeze parts of the one code folder below.
metadata(version="0.6.2")

require("bleish-core")
require("bleish-server")
