# Application manifest for the greenhouse controller.
include("$(MPY_DIR)/extmod/aio")

module("main.py")
module("config.py", base_path="src", opt=0)
package("greenhouse", base_path="src")

# Generated string tables and icons, compiled like any module.
freeze("assets_py", ["strings.py", "icons"])

require("templates")
