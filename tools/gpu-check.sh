#!/usr/bin/env bash
# The one-call GPU check (docs/gpu-check.md), run from the bundle that tools/make_bundle.sh builds
# (target/bundle/) on a machine with an NVIDIA driver and python3 + PyTorch but no Java and no
# network. In about 6 minutes, the most valuable results first, each stage writing its results
# before the next one starts:
#   (a) every `cuda`-tagged JUnit test with -Dag.cuda.required=true,
#   (b) one training iteration of the search at the paper's widths (TrainStepBench) beside PyTorch,
#   (c) a few timed iterations of `search --preset paper-cifar10` and of `train --preset paper-cifar10`
#       on stand-in CIFAR-10 files and stand-in Inception weights made there,
#   (d) the kernel benchmarks, ours and cuDNN, beside PyTorch's ops.
# Every stage and command has a time cap; a stage that fails or is cut off says why and the next
# one runs. At most 8 files come back in $OUT: summary.txt (read it first), results.json (every
# figure; tools/project_cost.py reads it), projection.md, nvidia-smi.txt and the logs tests.log,
# train-step.log, runs.log, kernels.log. An exit or a signal writes the summary's end (a trap).
# Without a GPU every stage still runs, on the CPU at tiny sizes where it can, to check the plumbing:
# its figures are no measurement. Environment: OUT (default ./gpu-check-out), GPU_CHECK_BUDGET_S (the
# whole run, default 360), GPU_CHECK_STAGE_S ("a b c" caps, default "120 60 110"; (d) gets the rest),
# GPU_CHECK_SHAPES (NxCxS shapes of (d)), PYTHON (a python3 with torch).
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$PWD/gpu-check-out}
BUDGET=${GPU_CHECK_BUDGET_S:-360}
STAGE_CAPS=${GPU_CHECK_STAGE_S:-}
SHAPES=${GPU_CHECK_SHAPES:-128x128x32,64x64x32,128x128x16}
GEMM_SIZES=1024,2048
KERNEL_BENCHES="Conv2dBench CudnnConv2dBench BatchNorm2dBench UpsampleBench ConvTranspose2dBench GemmBench"
RESERVE=20 # seconds kept for the summary, the projection and the merge at the end
START=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gpu-check.XXXXXX")
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt
RESULTS=$OUT/results.json
: >"$SUMMARY"
rm -f "$RESULTS"
PYTHON=${PYTHON:-$(command -v python3 || true)}
JAVA=$HERE/jre/bin/java
# JavaCPP loads JNI libraries and JMH uses sun.misc.Unsafe: allowed, so that Java 25 does not warn.
JAVA_OPTS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Djava.awt.headless=true)
CP="$(printf '%s:' "$HERE"/lib/*.jar)$HERE/test-classes" # spelled out: the launcher expands no '*'
STAGES=()
STAGE=""
CHILD=""

elapsed() { echo $(($(date +%s) - START)); }
left() { echo $((BUDGET - $(elapsed))); }
say() { echo "gpu-check [$(elapsed)s] $*" | tee -a "$SUMMARY"; }
# The smaller of $1 and what is left before the reserve (at least 1).
cap() { local rest=$(($(left) - RESERVE)); local s=$(($1 < rest ? $1 : rest)); echo $((s > 1 ? s : 1)); }
result() { [ -n "$PYTHON" ] && "$PYTHON" "$HERE/gpu_results.py" "$RESULTS" "$@" 2>>"$WORK/results.err"; }

# run SECONDS LOG CMD...: runs CMD capped at SECONDS, output appended to LOG; sets RC and WALL (s).
run() {
    local seconds=$1 log=$2 t0
    shift 2
    t0=$(date +%s.%N)
    timeout -k 5 "$seconds" "$@" >>"$log" 2>&1 &
    CHILD=$!
    wait "$CHILD"
    RC=$?
    CHILD=""
    WALL=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ] && echo "[cut off after ${seconds}s]" >>"$log"
    return 0
}
java_run() { run "$1" "$2" env LD_LIBRARY_PATH="$NATIVE_PATH" "$JAVA" "${JAVA_OPTS[@]}" "${@:3}"; }

stage_begin() {
    STAGE=$1
    STAGE_T0=$(date +%s)
    say "== stage $1 (cap ${2}s): $3"
}
# stage_end STATUS [NOTE]: one line in the summary and in results.json.
stage_end() {
    local seconds=$(($(date +%s) - STAGE_T0))
    STAGES+=("$(printf '%-2s %-28s %4ss  %s' "$STAGE" "$1" "$seconds" "${2:-}")")
    say "stage $STAGE: $1 in ${seconds}s${2:+ ($2)}"
    result append stages --fields stage="$STAGE" status="$1" seconds="$seconds" note="${2:-}"
    STAGE=""
}
status_of() { case $1 in 0) echo "$2" ;; 124 | 137) echo "cut off" ;; *) echo "FAILED (exit $1)" ;; esac; }
# The first line of a log that names why something failed.
why() { grep -m 1 -E "$2" "$1" 2>/dev/null | cut -c1-240; }

finish() {
    trap - EXIT INT TERM
    [ -n "$CHILD" ] && kill "$CHILD" 2>/dev/null
    [ -n "$STAGE" ] && stage_end "cut off" "the run was stopped ($1)"
    if [ -n "$PYTHON" ] && [ -s "$RESULTS" ]; then
        timeout 15 "$PYTHON" "$HERE/project_cost.py" --results "$RESULTS" >"$OUT/projection.md" 2>>"$WORK/results.err" \
            || echo "(the projection failed: $(tail -n 1 "$WORK/results.err"))" >>"$OUT/projection.md"
    fi
    {
        echo
        echo "=== gpu-check finished after $(elapsed)s of a ${BUDGET}s budget ($1); mode: $MODE ==="
        printf '%s\n' "${STAGES[@]}"
        [ -s "$WORK/kernel-table.txt" ] && cat "$WORK/kernel-table.txt"
        [ -s "$OUT/projection.md" ] && { echo; cat "$OUT/projection.md"; }
        [ -s "$WORK/results.err" ] && { echo "results.json notes:"; tail -n 3 "$WORK/results.err"; }
        echo "files: $(cd "$OUT" && ls | tr '\n' ' ')"
    } | tee -a "$SUMMARY"
    rm -rf "$WORK"
}
MODE=unknown
trap 'finish exit' EXIT
trap 'finish signal; exit 130' INT TERM

# ---- preflight: the card, glibc, the native libraries, java, python ------------------------
if timeout 20 nvidia-smi >"$OUT/nvidia-smi.txt" 2>&1; then
    MODE=gpu
    card=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -n 1)
    say "GPU: $card"
else
    MODE=no-gpu
    card="none"
    say "no GPU: nvidia-smi failed or is missing ($(head -c 200 "$OUT/nvidia-smi.txt" | tr '\n' ' ')); every stage runs to"
    say "  check the plumbing, on the CPU at tiny sizes where it can: no figure of this run is a measurement"
fi
# The caps of stages a, b, c ((d) gets the rest): the GPU run's; without a GPU the CPU needs longer
# for (c)'s tiny search and training (a few Inception forwards and one FID on the CPU).
[ "$MODE" = gpu ] && default_caps="120 60 110" || default_caps="60 60 200"
read -r CAP_A CAP_B CAP_C <<<"${STAGE_CAPS:-$default_caps}"
result set mode --value "$MODE"
result set card --value "$card"
need=$(sed -n 's/^glibc //p' "$HERE/native/REQUIRES" 2>/dev/null)
have=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
result set glibc --value "have ${have:-unknown}, the JNI libraries need ${need:-unknown}"
if [ -n "$need" ] && [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n 1)" != "$need" ]; then
    say "STOP: this machine's glibc $have is older than the $need the JNI libraries were built against;"
    say "  rebuild the bundle on a system with glibc <= $have (mvn -Pcuda package, tools/make_bundle.sh)"
    exit 1
fi
say "glibc ${have:-unknown} (the JNI libraries need ${need:-unknown})"
# The bundle's native/ holds libstdc++, libgcc_s and libgomp as the JNI libraries were linked with:
# used when this machine's own do not satisfy them (ldd of the libraries taken from the jar).
NATIVE_PATH=${LD_LIBRARY_PATH:-}
if [ -n "$PYTHON" ] && "$PYTHON" - "$HERE/lib/autogan4j.jar" "$WORK/jni" <<'EOF' 2>/dev/null; then
import fnmatch, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    for name in jar.namelist():
        if fnmatch.fnmatch(name, "*/linux-x86_64/lib*jni*.so"):
            jar.extract(name, sys.argv[2])
EOF
    jnis=$(find "$WORK/jni" -name 'lib*jni*.so')
    missing=$(for f in $jnis; do ldd "$f" 2>&1; done | grep -E 'not found' | sort -u)
    if [ -z "$missing" ]; then
        say "native libraries: this machine's own satisfy $(echo $jnis | xargs -n1 basename | tr '\n' ' ')"
    else
        NATIVE_PATH=$HERE/native${NATIVE_PATH:+:$NATIVE_PATH}
        still=$(for f in $jnis; do LD_LIBRARY_PATH=$NATIVE_PATH ldd "$f" 2>&1; done | grep -E 'not found' | sort -u)
        say "native libraries: using the bundle's ($(ls "$HERE/native" | grep -v REQUIRES | tr '\n' ' ')) for: $(echo $missing | cut -c1-200)"
        [ -n "$still" ] && say "  STILL MISSING: $(echo $still | cut -c1-300) (the bundle's own need glibc" \
            "$(sed -n 's/^carried-glibc //p' "$HERE/native/REQUIRES"))"
    fi
else
    NATIVE_PATH=$HERE/native${NATIVE_PATH:+:$NATIVE_PATH}
    say "native libraries: no python3 to look inside the jar; using the bundle's native/ first"
fi
jv=$(env LD_LIBRARY_PATH="$NATIVE_PATH" "$JAVA" -version 2>&1 | head -n 1)
say "java: ${jv:-does not run}; python: ${PYTHON:-none}"

# ---- (a) the cuda-tagged tests, a missing GPU being a failure -------------------------------
stage_begin a "$(cap "$CAP_A")" "every cuda-tagged test, -Dag.cuda.required=true -> tests.log"
# The report is the launcher's tree (every test, its time, each failure's message): its XML
# reports would need the java.xml module, which the bundle's runtime leaves out.
java_run "$(cap "$CAP_A")" "$OUT/tests.log" -Dag.cuda.required=true \
    -jar "$HERE/tools/junit-platform-console-standalone.jar" execute --class-path "$CP" \
    --scan-class-path "$HERE/test-classes" --include-tag cuda --exclude-classname '.*_jmhTest.*' \
    --fail-if-no-tests --disable-banner --disable-ansi-colors --details=tree
counts=$(grep -E 'tests (successful|failed|skipped|aborted)' "$OUT/tests.log" | tr -s ' ' | paste -sd, -)
expected=""
[ "$MODE" = no-gpu ] && [ "$RC" -ne 0 ] && expected=" (expected without a GPU)"
result set tests --value "$(status_of $RC passed)$expected; $counts"
stage_end "$(status_of $RC passed)$expected" "$counts; $(why "$OUT/tests.log" 'CUDA is unavailable|=> ')"

# ---- (b) one search training iteration at the paper's widths, ours and PyTorch's ------------
if [ "$MODE" = gpu ]; then
    dev=cuda sizes=(128 64 128 128 64 3) jmh_opts=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
else
    dev=cpu sizes=(16 16 16 8 4 3) jmh_opts=(-f 1 -wi 0 -i 1 -w 1s -r 1s)
fi
stage_begin b "$(cap "$CAP_B")" "TrainStepBench on $dev (gf ${sizes[0]}, df ${sizes[1]}, latent ${sizes[2]}, gen_bs ${sizes[3]}, dis_bs ${sizes[4]}, ${sizes[5]}x32x32) + bench/peer/train_step.py -> train-step.log"
stage_b_end=$(($(date +%s) + $(cap "$CAP_B")))
java_run "$(cap $((CAP_B * 6 / 10)))" "$OUT/train-step.log" -cp "$CP" org.openjdk.jmh.Main "${jmh_opts[@]}" \
    -p device=$dev -p config="${sizes[0]}/${sizes[1]}/${sizes[2]}/${sizes[3]}/${sizes[4]}" \
    -p channels="${sizes[5]}" -rf json -rff "$WORK/trainstep-jmh.json" \
    '^org\.autogan4j\.bench\.TrainStepBench\.'
ours=$(status_of $RC "ours ran")
result set train_step.jmh --json "$WORK/trainstep-jmh.json"
peer_args=(--device $dev --gf "${sizes[0]}" --df "${sizes[1]}" --latent "${sizes[2]}" --gen-bs "${sizes[3]}"
    --dis-bs "${sizes[4]}" --channels "${sizes[5]}" --json "$WORK/trainstep-torch.json")
[ "$dev" = cuda ] && peer_args+=(--tf32) || peer_args+=(--warmup 1)
[ -s "$WORK/trainstep-jmh.json" ] && peer_args+=(--jmh "$WORK/trainstep-jmh.json")
if [ -z "$PYTHON" ]; then
    peer="no python3"
else
    echo "==== bench/peer/train_step.py ${peer_args[*]}" >>"$OUT/train-step.log"
    run "$(cap $((stage_b_end - $(date +%s))))" "$OUT/train-step.log" "$PYTHON" "$HERE/bench/peer/train_step.py" "${peer_args[@]}"
    peer="PyTorch $(status_of $RC ran)"
    grep -q "No module named 'torch'" "$OUT/train-step.log" && peer="no torch in $PYTHON"
    result set train_step.torch --json "$WORK/trainstep-torch.json"
fi
figures=$(grep -h -E '^torch (iteration|dStep)' "$OUT/train-step.log" | paste -sd';' - | cut -c1-300)
stage_end "$ours; $peer" "${figures:-no figures}; $(why "$OUT/train-step.log" 'NativeException|CUDA is unavailable|sees no CUDA')"

# ---- (c) a few timed iterations of search and train on stand-in data and weights ------------
stage_begin c "$(cap "$CAP_C")" "search + train --preset paper-cifar10 on stand-in CIFAR-10 and Inception weights -> runs.log"
stage_c_end=$(($(date +%s) + $(cap "$CAP_C")))
c_left() { cap $((stage_c_end - $(date +%s))); }
log=$OUT/runs.log
java_run "$(c_left)" "$log" -cp "$CP" org.autogan4j.data.StandInCifar10 "$WORK/cifar10"
weights=$WORK/standin-inception.pth
[ -n "$PYTHON" ] && run 60 "$log" env PYTHONPATH="$HERE/tools" "$PYTHON" "$HERE/tools/make_standin_inception.py" "$weights"
if [ ! -s "$weights" ]; then
    echo "(no torch here: the stand-in Inception weights come from the Java writer)" >>"$log"
    java_run "$(c_left)" "$log" -cp "$CP" org.autogan4j.metrics.StandInInception "$weights"
fi
if [ "$MODE" = gpu ]; then
    search_sets=(shared_steps=150 log_every=25 ctrl_step=3 rl_num_eval_img=500 num_candidate=2 topk=1 data_limit=5000)
    train_args=(--steps 80 --log-every 20 --eval-every 80 --eval-images 1000 --train-images 2000)
else
    search_sets=(shared_steps=4 log_every=2 ctrl_step=2 rl_num_eval_img=10 eval_batch=10 is_splits=2 num_candidate=2
        topk=1 data_limit=200 gf_dim=16 df_dim=16 latent_dim=16 dis_bs=4 gen_bs=8)
    train_args=(--steps 3 --log-every 1 --eval-every 3 --eval-images 10 --eval-batch 10 --splits 2 --train-images 40
        --gf 16 --df 16 --latent 16 --dis-batch 4 --gen-batch 8)
fi
search_args=(search --preset paper-cifar10 --device $dev --data "$WORK/cifar10" --inception-weights "$weights"
    --out "$WORK/search" --iterations 3 --set grow_step1=1 --set grow_step2=2)
for s in "${search_sets[@]}"; do search_args+=(--set "$s"); done
echo "==== autogan4j ${search_args[*]}" >>"$log"
java_run "$(cap $(($(c_left) * 6 / 10)))" "$log" -cp "$CP" org.autogan4j.cli.Main "${search_args[@]}"
search_status=$(status_of $RC "search ran")
search_wall=$WALL
result set search.settings --value "${search_sets[*]} iterations=3 grow_step1=1 grow_step2=2 device=$dev"
result set search.exit --value "$RC"
result set search.wall_s --value "$WALL"
result set search.metrics_csv --text "$WORK/search/metrics.csv"
train_full=(train --preset paper-cifar10 --arch top1 --device $dev --data "$WORK/cifar10" --inception-weights "$weights"
    --out "$WORK/train" "${train_args[@]}")
echo "==== autogan4j ${train_full[*]}" >>"$log"
java_run "$(c_left)" "$log" -cp "$CP" org.autogan4j.cli.Main "${train_full[@]}"
train_status=$(status_of $RC "train ran")
result set train.settings --value "${train_args[*]} device=$dev"
result set train.exit --value "$RC"
result set train.wall_s --value "$WALL"
result set train.metrics_csv --text "$WORK/train/metrics.csv"
for f in search/metrics.csv train/metrics.csv; do
    [ -s "$WORK/$f" ] && { echo "==== $f"; cat "$WORK/$f"; } >>"$log"
done
stage_end "$search_status; $train_status" "search ${search_wall}s, train ${WALL}s; $(why "$log" 'Exception|error:|CUDA is unavailable')"
rm -rf "$WORK/cifar10" "$WORK/search" "$WORK/train" "$weights"

# ---- (d) the kernel benchmarks, ours and cuDNN, beside PyTorch ------------------------------
stage_begin d "$(cap 600)" "JMH kernels + cuDNN on cuda, bench/peer/torch_ops.py -> kernels.log"
log=$OUT/kernels.log
: >"$log"
# cuDNN 9 / cuBLAS 13 / cudart 13 for the baseline: from PyTorch's wheels or a CUDA install.
libdirs=""
if [ -n "$PYTHON" ]; then
    sites=$(timeout 20 "$PYTHON" -c 'import site; print(" ".join(site.getsitepackages()))' 2>/dev/null)
    # shellcheck disable=SC2086 # sites is a list of directories
    libdirs=$(timeout 30 find $sites /usr/local /usr/lib/x86_64-linux-gnu /opt \( -name 'libcudnn.so.9*' \
        -o -name 'libcublas.so.13*' -o -name 'libcublasLt.so.13*' -o -name 'libcudart.so.13*' \) -printf '%h\n' \
        2>/dev/null | sort -u | paste -sd: -)
fi
echo "libraries for the cuDNN baseline found in: ${libdirs:-nowhere}" | tee -a "$log"
if [ "$MODE" = gpu ]; then
    benches=$KERNEL_BENCHES peer_reserve=45
else
    benches="Conv2dBench.forward CudnnConv2dBench.forward" SHAPES=128x128x4 peer_reserve=0
fi
for bench in $benches; do
    budget=$(($(cap 600) - peer_reserve))
    if [ "$budget" -lt 15 ]; then
        echo "skipped $bench: the time budget is spent" | tee -a "$log"
        continue
    fi
    echo "==== $bench (at most ${budget}s)" >>"$log"
    NATIVE_PATH=$NATIVE_PATH${libdirs:+:$libdirs} java_run "$budget" "$log" -cp "$CP" org.openjdk.jmh.Main -f 0 -wi 2 -i 3 -w 100ms -r 300ms -p device=cuda \
        -p shape="$SHAPES" -p size="$GEMM_SIZES" -rf json -rff "$WORK/jmh-$bench.json" "^org\.autogan4j\.bench\.$bench\b"
done
if [ -n "$PYTHON" ]; then
    "$PYTHON" - "$WORK" <<'EOF'
import glob, json, os, sys
rows = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "jmh-*.json"))):
    try:
        with open(path) as f:
            rows += json.load(f)
    except ValueError:
        pass
with open(os.path.join(sys.argv[1], "kernels-jmh.json"), "w") as f:
    json.dump(rows, f, indent=1)
EOF
    result set kernels.jmh --json "$WORK/kernels-jmh.json"
    peer_log=$WORK/kernels-peer.log
    if [ "$MODE" != gpu ]; then
        echo "error: not run, there is no GPU here" >"$peer_log"
    elif [ "$(cap 600)" -lt 15 ]; then
        echo "error: not run, the time budget is spent" >"$peer_log"
    else
        run "$(cap 600)" "$peer_log" "$PYTHON" "$HERE/bench/peer/torch_ops.py" --device cuda --tf32 \
            --shapes "$SHAPES,$GEMM_SIZES" --jmh "$WORK/kernels-jmh.json" --json "$WORK/kernels-peer.json"
        result set kernels.peer --json "$WORK/kernels-peer.json"
    fi
    { echo "==== bench/peer/torch_ops.py"; cat "$peer_log"; } >>"$log"
    timeout 15 "$PYTHON" "$HERE/gpu_table.py" --jmh "$WORK/kernels-jmh.json" --peer "$WORK/kernels-peer.json" \
        --jmh-log "$log" --peer-log "$peer_log" >"$WORK/kernel-table.txt" 2>&1
fi
count=$(grep -c '"benchmark"' "$WORK/kernels-jmh.json" 2>/dev/null)
stage_end "${count:-0} JMH results" \
    "$(why "$log" 'CUDA is unavailable|baseline unavailable|NativeException')"
