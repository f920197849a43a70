# The aio package: a cooperative scheduler for frozen applications.
# task.py is left out because the runtime provides the Task type natively.
package(
    "aio",
    (
        "__init__.py",
        "core.py",
        "event.py",
        "stream.py",
    ),
    base_path="..",
    opt=3,
)

# The old name, kept for programs written before the rename.
module("uaio.py", opt=3)
