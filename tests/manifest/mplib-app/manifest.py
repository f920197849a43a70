# An application frozen from the micropython-lib-style library in ../mplib.
# rime: cargo xtask run tests/manifest/mplib-app --lib mplib=tests/manifest/mplib
# MicroPython: tools/manifestfile.py --freeze --lib tests/manifest/mplib tests/manifest/mplib-app/manifest.py
require("statistic")
require("heapqueue")
require("itertoolsx")
require("kvstore")
require("shadowed")
require("tinytemplate")
require("tomlpkg")
require("fakedisplay")
require("fakesensor")
require("bleish")
require("umetrics")
require("mipish")
require("ledstrip")
require("textwrapper")

module("main.py")
