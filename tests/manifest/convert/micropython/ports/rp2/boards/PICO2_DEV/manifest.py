include("$(PORT_DIR)/boards/manifest.py")

# Extra board support, compiled at freeze time.
freeze_as_mpy("$(BOARD_DIR)/modules", "board_extra.py")

# Precompiled helpers shipped as .mpy files.
freeze_mpy("$(BOARD_DIR)/prebuilt", ("fastmath.mpy",), opt=3)
