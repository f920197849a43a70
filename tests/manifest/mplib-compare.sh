#!/usr/bin/env bash
# Compares rime's resolution of micropython-lib manifests with MicroPython's own.
#
# A development script: it needs a MicroPython checkout (for tools/manifestfile.py,
# ideally at the pinned v1.27.0) and a micropython-lib checkout, neither of which
# is part of this repository.
#
#   tests/manifest/mplib-compare.sh fixture MICROPYTHON_DIR
#       Resolves tests/manifest/mplib-app/manifest.py against the fixture library
#       tests/manifest/mplib with MicroPython's tool and rewrites the expected
#       files of the fixture test: mplib-app/expected.resolved (frozen name,
#       opt, source, injected version) and mplib-app/main.out (CPython running
#       the files as MicroPython's freezer would compile them).
#
#   tests/manifest/mplib-compare.sh real MICROPYTHON_DIR MICROPYTHON_LIB_DIR [PACKAGE... | all]
#       Writes a manifest.py requiring PACKAGE... (default: a list of 40 common
#       packages; `all`: every package of the checkout) into a scratch folder, resolves it with MicroPython's tool and
#       with `cargo xtask manifest show --json --lib micropython-lib=…`, compares
#       the (frozen name, source file, opt, injected version) lists, then imports
#       every frozen module on the host runner, one run per module, and reports
#       which imports fail and with what error (IMPORTS=0 skips this step).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-$(mktemp -d)}"

# rime's resolution as sorted JSON lines in the reference's format.
rime_rows() {
    python3 -c '
import json, os, sys
root = sys.argv[1]
shown = json.load(sys.stdin)
rows = []
for module in shown["modules"]:
    source = module["source"]
    if not os.path.isabs(source):
        source = os.path.join(root, source)
    opt = module["opt"]
    rows.append({
        "name": module["name"],
        "source": os.path.realpath(source),
        "opt": opt,
        "version": module["version"] if module["version_injected"] else None,
    })
rows.sort(key=lambda row: row["name"])
for row in rows:
    print(json.dumps(row, sort_keys=True))
' "$root"
}

# MicroPython leaves `opt` unset (None: mpy-cross's default, 0) where rime
# writes 0; compare them as equal.
normalize() {
    python3 -c '
import json, sys
for line in sys.stdin:
    row = json.loads(line)
    row["opt"] = row["opt"] or 0
    print(json.dumps(row, sort_keys=True))
'
}

case "${1:-}" in
fixture)
    micropython="$2"
    tree="$scratch/tree"
    rm -rf "$tree"
    python3 "$here/mplib-reference.py" "$micropython" "$here/mplib" "$here/mplib-app/manifest.py" --tree "$tree" \
        | python3 -c '
import json, os, sys
root = sys.argv[1]
for line in sys.stdin:
    row = json.loads(line)
    row["source"] = os.path.relpath(row["source"], root)
    print(json.dumps(row, sort_keys=True))
' "$root" >"$here/mplib-app/expected.resolved"
    (cd "$tree" && python3 main.py) >"$here/mplib-app/main.out"
    echo "wrote mplib-app/expected.resolved ($(wc -l <"$here/mplib-app/expected.resolved") modules) and mplib-app/main.out"
    ;;
real)
    micropython="$2"
    lib="$(cd "$3" && pwd)"
    shift 3
    packages=("$@")
    if [ "${packages[*]:-}" = all ]; then
        # Every package MicroPython's require() can find in the checkout.
        mapfile -t packages < <(cd "$lib" && find micropython python-stdlib python-ecosys -name manifest.py \
            -exec dirname {} \; | xargs -n1 basename | sort -u)
    elif [ ${#packages[@]} -eq 0 ]; then
        packages=(
            aioble aiorepl base64 bisect collections collections-defaultdict copy datetime ds18x20 dht
            fnmatch functools hashlib-core heapq hmac html inspect itertools cbor2 lcd160cr
            logging mip neopixel ntptime onewire operator pathlib pprint requests senml
            sdcard ssd1306 string tarfile textwrap time types unittest uuid aiohttp
        )
    fi
    app="$scratch/app"
    mkdir -p "$app"
    printf 'require("%s")\n' "${packages[@]}" >"$app/manifest.py"
    echo "${#packages[@]} packages required; scratch folder $scratch"

    python3 "$here/mplib-reference.py" "$micropython" "$lib" "$app/manifest.py" | normalize >"$scratch/micropython.rows"
    (cd "$root" && cargo xtask manifest show --json --lib "micropython-lib=$lib" "$app") >"$scratch/rime.json"
    rime_rows <"$scratch/rime.json" | normalize >"$scratch/rime.rows"
    if diff -u "$scratch/micropython.rows" "$scratch/rime.rows" >"$scratch/rows.diff"; then
        echo "resolution: $(wc -l <"$scratch/rime.rows") frozen modules, identical (name, source, opt, __version__)"
    else
        echo "resolution differs: see $scratch/rows.diff"
        head -40 "$scratch/rows.diff"
        exit 1
    fi

    if [ "${IMPORTS:-1}" = 0 ]; then
        exit 0
    fi
    # Import every frozen module on the host runner, each in a run of its own.
    python3 -c '
import json, sys
for module in json.load(sys.stdin)["modules"]:
    print(module["import"])
' <"$scratch/rime.json" >"$scratch/imports"
    imported=0
    failed=0
    : >"$scratch/import-failures"
    while read -r module; do
        case "$module" in *.__main__ | __main__) continue ;; esac
        run="$scratch/run-$module"
        mkdir -p "$run"
        # MicroPython's ports freeze asyncio from extmod; rime's comes from its library `rime`.
        printf 'include("%s")\nrequire("asyncio")\nmodule("main.py")\n' "$app" >"$run/manifest.py"
        printf 'import %s\nprint("imported")\n' "$module" >"$run/main.py"
        if output="$(cd "$root" && cargo xtask run --lib "micropython-lib=$lib" "$run" 2>&1)" && [[ "$output" == *imported ]]; then
            imported=$((imported + 1))
        else
            failed=$((failed + 1))
            printf '%s: %s\n' "$module" "$(printf '%s' "$output" | tail -1)" >>"$scratch/import-failures"
        fi
    done <"$scratch/imports"
    echo "imports: $imported succeeded, $failed failed"
    cat "$scratch/import-failures"
    ;;
*)
    sed -n '2,21p' "$0"
    exit 2
    ;;
esac
