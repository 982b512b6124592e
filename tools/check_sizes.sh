#!/usr/bin/env bash
# The project's file-size budget, run by .ci/run: no Java file over 300 lines, no C, C++ or CUDA file
# over 400 (generated files under target/ are not counted), a README of at most 250 lines. Prints
# every file over its budget and fails if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
over=0
check() { # limit, then files
    local limit=$1
    shift
    for f in "$@"; do
        lines=$(wc -l <"$f")
        if [ "$lines" -gt "$limit" ]; then
            echo "check_sizes: $f has $lines lines (budget $limit): split it by job" >&2
            over=1
        fi
    done
}
mapfile -t java < <(git ls-files -co --exclude-standard -- '*.java')
mapfile -t native < <(git ls-files -co --exclude-standard -- '*.c' '*.cpp' '*.h' '*.cu' '*.cuh' '*.def')
check 300 "${java[@]}"
check 400 "${native[@]}"
check 250 README.md
exit $over
