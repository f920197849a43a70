"""Resolve a manifest.py with MicroPython's own tools/manifestfile.py.

A development helper (needs a MicroPython checkout; nothing here is used by
the tests). It prints one JSON object per frozen file, sorted by frozen name:

    {"name": "pkg/mod.py", "source": "/abs/path.py", "opt": 3, "version": "1.0" or null}

`version` is the __version__ MicroPython's freezer appends to the file
(tools/manifestfile.py tagged_py_file: only when the file's package has a
version and the file has no "__version__ =" of its own). With --tree DIR it
also writes every file, as the freezer would compile it, to DIR/<name>, so
CPython can run the frozen program.

usage: python3 mplib-reference.py MICROPYTHON_DIR LIB_DIR MANIFEST_PY [--tree DIR]
"""

import json
import os
import sys


def main():
    arguments = sys.argv[1:]
    tree = None
    if "--tree" in arguments:
        index = arguments.index("--tree")
        tree = arguments[index + 1]
        del arguments[index : index + 2]
    micropython_dir, lib_dir, manifest = arguments
    sys.path.insert(0, os.path.join(micropython_dir, "tools"))
    import manifestfile

    path_vars = {
        "MPY_DIR": os.path.abspath(micropython_dir),
        "MPY_LIB_DIR": os.path.abspath(lib_dir),
        "PORT_DIR": None,
        "BOARD_DIR": None,
    }
    resolver = manifestfile.ManifestFile(manifestfile.MODE_FREEZE, path_vars)
    try:
        resolver.execute(os.path.abspath(manifest))
    except manifestfile.ManifestFileError as error:
        print("manifestfile.py:", error, file=sys.stderr)
        sys.exit(1)
    rows = []
    for output in resolver.files():
        with open(output.full_path) as source:
            contents = source.read()
        version = output.metadata.version
        injected = version if version and "__version__ =" not in contents else None
        rows.append(
            {
                "name": output.target_path.replace(os.sep, "/"),
                "source": os.path.realpath(output.full_path),
                "opt": output.opt,
                "version": injected,
            }
        )
        if tree is not None:
            target = os.path.join(tree, output.target_path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w") as out:
                out.write(contents)
                if injected:
                    out.write("\n\n__version__ = {}\n".format(repr(injected)))
    rows.sort(key=lambda row: row["name"])
    for row in rows:
        print(json.dumps(row, sort_keys=True))


main()
