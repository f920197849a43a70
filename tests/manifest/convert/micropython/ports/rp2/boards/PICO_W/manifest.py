# Pico W: the port's modules plus networking helpers.
include("$(PORT_DIR)/boards/manifest.py")

# A board-specific library, searched before the others.
add_library("boardlib", "$(BOARD_DIR)/lib", prepend=True)
require("wifi_setup", library="boardlib", country="GB", retries=3)
