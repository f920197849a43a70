#!/bin/sh
# Makes or re-checks the expected output of the Python suite with the pinned
# real MicroPython 1.27 (WebAssembly build), never with rime.
#
# For every tests/py/**/NAME.py (or the files given as arguments), the source
# runs in MicroPython and its output must match NAME.py.exp. Files under a
# pkgs/ folder are libraries, not tests, and are skipped; the .py files
# directly in a test's pkgs/ folder are copied next to it, so it can import
# them; tests that import packages from it (tests/py/imports) keep
# hand-checked expected output, and so do tests
# whose first line is `# rime-only: REASON` (heap sizes, gc figures, machine).
# A test whose first line is `# micropython-unix: REASON` is one the
# WebAssembly build cannot run: MicroPython 1.27's unix port ($MICROPYTHON)
# makes and checks its expected output instead (skipped without it).
#
# Usage: tests/py/check.sh [--update] [FILE.py ...]
#   --update  (re)write NAME.py.exp from MicroPython instead of comparing.
# A program that raises is an error unless its expected output is meant to
# end in a traceback: the traceback is then part of NAME.py.exp.
# Tests under asyncio/ need MicroPython's own asyncio package (the WebAssembly
# build's asyncio has no asyncio.run): set MICROPYTHON_ASYNCIO to a folder with
# the extmod/asyncio/*.py files of MicroPython v1.27.0; without it they are
# skipped.
# Exit status is 1 if any file failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN="node $HERE/../reference/run-micropython.mjs"
UPDATE=0
if [ "${1:-}" = "--update" ]; then UPDATE=1; shift; fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ $# -eq 0 ]; then
  set -- $(cd "$HERE" && find . -name '*.py' -not -path '*/pkgs/*' -not -path './imports/*' | sort)
  cd "$HERE" || exit 2
fi
pass=0; fail=0
for f in "$@"; do
  if head -1 "$f" | grep -q '^# rime-only:'; then continue; fi
  run=$RUN
  if head -1 "$f" | grep -q '^# micropython-unix:'; then
    # The WebAssembly build cannot run it (the header says why): MicroPython
    # 1.27's unix port, given as $MICROPYTHON, is the reference instead.
    if [ -z "${MICROPYTHON:-}" ]; then
      echo "SKIP $f: set MICROPYTHON to MicroPython 1.27's unix port"; continue
    fi
    run="$MICROPYTHON"
  fi
  case "$f" in
    *asyncio/*)
      if [ -z "${MICROPYTHON_ASYNCIO:-}" ]; then
        echo "SKIP $f: set MICROPYTHON_ASYNCIO (see the top of check.sh)"; continue
      fi ;;
  esac
  # The flat pkgs/ folder next to a test holds its library modules.
  libs=$(ls "$(dirname "$f")"/pkgs/*.py 2>/dev/null)
  # MicroPython's WebAssembly build ends the lines of its error printer
  # (exceptions of scheduled callbacks) with \r\n; the suite's text uses \n.
  $run "$f" $libs 2>&1 | sed 's/\r$//' > "$TMP/out"
  if [ $UPDATE = 1 ]; then
    cp "$TMP/out" "$f.exp"; pass=$((pass + 1))
  elif [ ! -f "$f.exp" ]; then
    echo "FAIL $f: no $f.exp (run with --update)"; fail=$((fail + 1))
  elif ! cmp -s "$TMP/out" "$f.exp"; then
    echo "FAIL $f: MicroPython's output differs from $f.exp"
    diff "$f.exp" "$TMP/out" | head -10
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
