# Frozen by default on every rp2 board.
freeze("$(PORT_DIR)/modules")
include("$(MPY_DIR)/extmod/aio")

# Drivers for common sensors.
require("onewire")
require("ds18x20")
