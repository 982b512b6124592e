#!/usr/bin/env bash
# Runs the native tests (ctest in the CMake build folder) for Maven's test phase, quietly: the whole
# output goes to BUILD_DIR/ctest.log, and only a failure prints it.
#   tools/test_native.sh BUILD_DIR
set -uo pipefail
build=$1
log="$build/ctest.log"
if ctest --test-dir "$build" --output-on-failure >"$log" 2>&1; then
    exit 0
fi
echo "native tests failed (log: $log):" >&2
cat "$log" >&2
exit 1
