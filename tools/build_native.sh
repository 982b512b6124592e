#!/usr/bin/env bash
# Configures and builds the native kernel library (libag.a) with CMake for Maven's
# generate-resources phase, quietly: CMake's whole output goes to BUILD_DIR/build.log, and only a
# failure prints something (its last lines and where the log is).
#   tools/build_native.sh SOURCE_DIR BUILD_DIR ON|OFF   (OFF: CPU twins only, ON: with the CUDA twins)
set -uo pipefail
src=$1
build=$2
cuda=$3
mkdir -p "$build"
log="$build/build.log"
if cmake -S "$src" -B "$build" -DAG_CUDA="$cuda" -DCMAKE_BUILD_TYPE=Release >"$log" 2>&1 \
    && cmake --build "$build" --parallel "$(nproc)" >>"$log" 2>&1; then
    exit 0
fi
echo "the native build (CMake, AG_CUDA=$cuda) failed; the whole log is $log. Its end:" >&2
tail -n 40 "$log" >&2
exit 1
