#!/bin/sh
# Makes program.py.exp with the real MicroPython, never with rime: files/ is
# built into a ROMFS image by the pinned mpremote's romfs writer
# (tests/reference/.venv), which MicroPython's unix port mounts at /rom with
# vfs.VfsRom before it runs program.py. (The pinned WebAssembly build has no
# VfsRom; MICROPYTHON_UNIX names a unix build of v1.27.0.)
#
# Usage: tests/fs/rom/expected.sh [--update]
#   Compares MicroPython's output with program.py.exp, or rewrites it.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
MICROPYTHON=${MICROPYTHON_UNIX:-/tmp/micropython/ports/unix/build-standard/micropython}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$HERE/../../reference/.venv/bin/python" -c '
import sys
from mpremote.romfs import make_romfs
open(sys.argv[2], "wb").write(make_romfs(sys.argv[1], mpy_cross=False))
' "$HERE/files" "$TMP/rom.img" > /dev/null
cat > "$TMP/run.py" <<PY
import vfs
vfs.mount(vfs.VfsRom(open("$TMP/rom.img", "rb").read()), "/rom")
exec(open("$HERE/program.py").read())
PY
"$MICROPYTHON" "$TMP/run.py" > "$TMP/out" 2>&1 || true
if [ "${1:-}" = "--update" ]; then
  cp "$TMP/out" "$HERE/program.py.exp"
elif ! cmp -s "$TMP/out" "$HERE/program.py.exp"; then
  echo "MicroPython's output differs from program.py.exp:"
  diff "$HERE/program.py.exp" "$TMP/out"
  exit 1
fi
