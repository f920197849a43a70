"""Manifest for the multi-part demo: several includes in one call."""

# Both parts, in order.
include(["parts/sensors/manifest.py", "parts/display"])

module(r"tool.py", base_path=".")
freeze(".", "run" ".py")  # Adjacent strings are joined, as in Python.
module(
    "extra.py",  # This comment sits between arguments.
    opt=2,
)
