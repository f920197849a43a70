metadata(version="0.4.0")

# Only the listed files are frozen; experimental.py stays out.
package(
    "collectionsx",
    files=(
        "__init__.py",
        "deque.py",
    ),
)
