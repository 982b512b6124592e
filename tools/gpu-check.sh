#!/usr/bin/env bash
# The one-call GPU check, run from the bundle that tools/make_bundle.sh builds (target/bundle/) on a
# machine with an NVIDIA driver and PyTorch but no Java and no network. In at most ~8 minutes it
#   (a) saves nvidia-smi's report,
#   (b) runs every `cuda`-tagged JUnit test with -Dag.cuda.required=true (a missing GPU fails them),
#   (c) runs the JMH benchmarks on CUDA (-p device=cuda), ours and the cuDNN baseline,
#   (d) runs the PyTorch peer (bench/peer/torch_ops.py) at the same shapes on the same card,
#   (e) prints one table last: op, shape, ours ms, PyTorch ms, ratio, cuDNN ms.
# Logs and results go to $OUT (default: ./gpu-check-out). Each part has a time budget and is cut
# off with `timeout` when it overruns; a part that cannot run says why and the next one goes on.
# Environment: OUT, GPU_CHECK_BUDGET_S (whole run, default 470), GPU_CHECK_SHAPES (the NxCxS
# shapes benchmarked), GPU_CHECK_BENCHES (the JMH classes, in order), PYTHON (one with torch).
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$PWD/gpu-check-out}
BUDGET=${GPU_CHECK_BUDGET_S:-470}
SHAPES=${GPU_CHECK_SHAPES:-64x64x32,128x128x16,128x256x8}
GEMM_SIZES=256,512,1024,2048
BENCHES=${GPU_CHECK_BENCHES:-Conv2dBench CudnnConv2dBench BatchNorm2dBench UpsampleBench ConvTranspose2dBench GemmBench}
JMH_OPTS=(-f 1 -wi 3 -i 5 -w 200ms -r 500ms)
TESTS_BUDGET=150 # the cuda suite is sized to run in under 2 minutes on an H100
PEER_BUDGET=90   # torch import, cuDNN autotuning and ~50 timed ops
TABLE_BUDGET=15

START=$(date +%s)
left() { echo $((BUDGET - ($(date +%s) - START))); }
say() { echo "gpu-check [$(($(date +%s) - START))s]: $*"; }

mkdir -p "$OUT"
JAVA=$HERE/jre/bin/java
# JavaCPP loads JNI libraries and JMH uses sun.misc.Unsafe: allowed, so that Java 25 does not warn.
JAVA_OPTS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
CP="$(printf '%s:' "$HERE"/lib/*.jar)$HERE/test-classes" # spelled out: the launcher expands no '*'

PYTHON=${PYTHON:-$(command -v python3 || true)}

# ---- (a) the card -------------------------------------------------------------------------
gpu=yes
if timeout 20 nvidia-smi >"$OUT/nvidia-smi.txt" 2>&1; then
    say "GPU: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -n 1)"
else
    gpu=no
    say "nvidia-smi failed or is missing: no GPU answers here (see $OUT/nvidia-smi.txt)"
fi

# ---- (b) the cuda-tagged tests, a missing GPU being a failure -------------------------------
# The report is the launcher's tree (every test, its time, each failure's message): its XML
# reports would need the java.xml module, which the bundle's runtime leaves out.
say "cuda tests (budget ${TESTS_BUDGET}s) -> $OUT/tests.log"
timeout -k 5 "$TESTS_BUDGET" "$JAVA" "${JAVA_OPTS[@]}" -Dag.cuda.required=true \
    -jar "$HERE/tools/junit-platform-console-standalone.jar" execute \
    --class-path "$CP" --scan-class-path "$HERE/test-classes" --include-tag cuda \
    --exclude-classname '.*_jmhTest.*' --fail-if-no-tests --disable-banner --disable-ansi-colors --details=tree \
    >"$OUT/tests.log" 2>&1
status=$?
case $status in
    0) tests="passed" ;;
    124 | 137) tests="cut off after ${TESTS_BUDGET}s" ;;
    *) tests="FAILED (exit $status)" ;;
esac
say "cuda tests: $tests; $(grep -E 'tests (successful|failed|skipped|aborted)' "$OUT/tests.log" | tr -s ' ' | paste -sd, -)"
grep -m 3 -E 'CUDA is unavailable|=> ' "$OUT/tests.log" | sed 's/^/    /'

# ---- (c) JMH on CUDA: one JMH run per class, each within what is left -----------------------
# cuDNN 9 / cuBLAS 13 / cudart 13 for the baseline: from PyTorch's wheels or a CUDA install.
libdirs=""
if [ -n "$PYTHON" ]; then
    sites=$(timeout 20 "$PYTHON" -c 'import site; print(" ".join(site.getsitepackages()))' 2>/dev/null)
    # shellcheck disable=SC2086 # sites is a list of directories
    libdirs=$(timeout 30 find $sites /usr/local /usr/lib/x86_64-linux-gnu /opt \
        \( -name 'libcudnn.so.9*' -o -name 'libcublas.so.13*' -o -name 'libcublasLt.so.13*' \
        -o -name 'libcudart.so.13*' \) -printf '%h\n' 2>/dev/null | sort -u | paste -sd: -)
fi
say "libraries for the cuDNN baseline found in: ${libdirs:-nowhere}"
jmh_reserve=$((PEER_BUDGET + TABLE_BUDGET))
if [ "$gpu" = no ]; then
    # No GPU: one benchmark of ours and one of cuDNN, to show that both fail saying why.
    BENCHES="Conv2dBench.forward CudnnConv2dBench.forward"
    SHAPES=128x128x4
fi
: >"$OUT/jmh.log"
for bench in $BENCHES; do
    budget=$(($(left) - jmh_reserve))
    if [ "$budget" -lt 20 ]; then
        say "JMH $bench skipped: the time budget is spent"
        echo "skipped $bench: time budget spent" >>"$OUT/jmh.log"
        continue
    fi
    say "JMH $bench (at most ${budget}s)"
    echo "==== $bench" >>"$OUT/jmh.log"
    LD_LIBRARY_PATH="${libdirs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout -k 5 "$budget" \
        "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main "${JMH_OPTS[@]}" -p device=cuda -p shape="$SHAPES" \
        -p size="$GEMM_SIZES" -rf json -rff "$OUT/jmh-$bench.json" "^org\.autogan4j\.bench\.$bench\b" \
        >>"$OUT/jmh.log" 2>&1
    [ $? -ge 124 ] && echo "cut off $bench after ${budget}s" >>"$OUT/jmh.log"
done
# One JSON for all classes (the device tool fetches few files).
if [ -n "$PYTHON" ]; then
    "$PYTHON" - "$OUT" <<'EOF'
import glob, json, os, sys
out = sys.argv[1]
rows = []
for path in sorted(glob.glob(os.path.join(out, "jmh-*.json"))):
    try:
        with open(path) as f:
            rows += json.load(f)
    except ValueError:
        pass
    os.remove(path)
with open(os.path.join(out, "jmh.json"), "w") as f:
    json.dump(rows, f, indent=1)
EOF
fi
say "JMH: $(grep -c '"benchmark"' "$OUT/jmh.json" 2>/dev/null) results -> $OUT/jmh.json, log $OUT/jmh.log"

# ---- (d) the PyTorch peer at the same shapes -----------------------------------------------
peer_budget=$(($(left) - TABLE_BUDGET))
if [ -z "$PYTHON" ]; then
    say "peer skipped: no python3 here"
elif [ "$peer_budget" -lt 15 ]; then
    say "peer skipped: the time budget is spent"
else
    say "PyTorch peer (at most ${peer_budget}s) -> $OUT/peer.log"
    jmh_arg=()
    [ -s "$OUT/jmh.json" ] && jmh_arg=(--jmh "$OUT/jmh.json")
    # --tf32: PyTorch's cuDNN convolutions default to TF32, and so do ours; our GEMM too.
    timeout -k 5 "$peer_budget" "$PYTHON" "$HERE/bench/peer/torch_ops.py" --device cuda --tf32 \
        --shapes "$SHAPES,$GEMM_SIZES" ${jmh_arg[@]+"${jmh_arg[@]}"} --json "$OUT/peer.json" >"$OUT/peer.log" 2>&1
    status=$?
    if [ $status -ge 124 ]; then
        say "peer cut off after ${peer_budget}s"
    elif [ $status -ne 0 ]; then
        say "peer failed (exit $status): $(grep -m 1 -E 'error|Error' "$OUT/peer.log")"
    fi
fi

# ---- (e) the table ---------------------------------------------------------------------------
say "done in $(($(date +%s) - START))s; tests: $tests"
if [ -n "$PYTHON" ]; then
    timeout "$TABLE_BUDGET" "$PYTHON" "$HERE/gpu_table.py" --jmh "$OUT/jmh.json" --peer "$OUT/peer.json" \
        --jmh-log "$OUT/jmh.log" --peer-log "$OUT/peer.log" | tee "$OUT/table.txt"
else
    echo "no python3: no table; the raw JMH results are in $OUT/jmh.json"
fi
