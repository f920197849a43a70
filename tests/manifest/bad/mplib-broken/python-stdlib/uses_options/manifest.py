metadata(version="0.1.0")

options.defaults(extras=False)
if options.extras:
    module("extras.py")
module("uses_options.py")
