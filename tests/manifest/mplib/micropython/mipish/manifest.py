metadata(version="0.4.1", description="A package manager that installs nothing.")

require("pathutil")
require("fnmatcher")
package("mipish", opt=3)
