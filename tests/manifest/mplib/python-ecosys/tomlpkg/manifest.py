# rime reads manifest.toml instead; this file uses options, which the static
# reader refuses, so reading it would be an error.
metadata(version="0.8.0")
if options.extras:
    module("extras.py")
module("tomlpkg.py", opt=2)
