#!/usr/bin/env bash
# The device tool's whole command for the GPU check (docs/gpu-check.md): unpacks the bundle that
# tools/make_bundle.sh packed (target/gpu-bundle.tar.xz, carried with the call) into a fresh folder
# and runs its gpu-check.sh, which writes at most 8 files into $OUT. Unpacks with xz where the machine
# has it, else with python3's tarfile.
#   run(command="bash tools/gpu-run.sh", carry=["target/gpu-bundle.tar.xz"], timeout_s=480)
set -uo pipefail
cd "$(dirname "$0")/.."
ARCHIVE=${GPU_BUNDLE:-target/gpu-bundle.tar.xz}
OUT=${OUT:-$PWD/gpu-check-out}
[ -s "$ARCHIVE" ] || { echo "gpu-run: $ARCHIVE is missing: run tools/make_bundle.sh and carry it"; exit 1; }
where=$(mktemp -d "${TMPDIR:-/tmp}/gpu-bundle.XXXXXX")
t0=$(date +%s)
if command -v xz >/dev/null; then
    tar -xJf "$ARCHIVE" -C "$where"
else
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$ARCHIVE" "$where"
fi || { echo "gpu-run: could not unpack $ARCHIVE"; exit 1; }
echo "gpu-run: unpacked $ARCHIVE in $(($(date +%s) - t0))s"
OUT=$OUT bash "$where/bundle/gpu-check.sh"
