metadata(description="Small networking helpers.", version="0.4.0", license="MIT", author="rime tests")

add_library("stdlib", "..")
require("pathlike", library="stdlib")

# socket_compat.py is only for the unix port.
package("netkit", files=["__init__.py", "url.py"], opt=1)
