metadata(version="0.4.0")

package(
    "bleish",
    files=(
        "__init__.py",
        "core.py",
        "device.py",
    ),
    base_path="../bleish",
)
