# Options and conditionals have no literal form.
options.defaults(extras=False)

if options.extras:
    module("extras.py")
    module("more.py")

module("always.py")
