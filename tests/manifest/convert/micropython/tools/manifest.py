# Host-side helpers that also run on the device.
freeze("$(MPY_DIR)/tools", ("pkgtool.py", "tarfile_lite.py"), opt=2)
module("bench.py", base_path="$(MPY_DIR)/tools/bench", opt=1)
