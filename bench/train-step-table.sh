#!/usr/bin/env bash
# One training iteration (D step + G step, Adam, EMA) of autogan4j beside its PyTorch peer at every
# config of issue 11, interleaved (ours, then the peer, config after config, round after round), as
# one markdown table: config, arch, seconds of each, the ratio PyTorch / autogan4j (above 1: ours
# faster) and the fraction of the machine's measured FMA peak (bench/peak/fma_peak.cpp) that ours
# reaches on the peer's FLOP estimate. Both run on THREADS threads (default 2); the peer is
# /usr/bin/python3 (PYTHON) with its OpenBLAS and glibc malloc told not to trim or mmap.
# Usage: bash bench/train-step-table.sh [--quick] [OUT_DIR (default target/train-step)]
#   --quick: one round of few, short iterations (a check that the script works, not a measurement).
# Run it on an otherwise idle machine; on a busy one set OMP_WAIT_POLICY=passive.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
if [ "${1:-}" = --quick ]; then
    quick=1
    shift
fi
out=${1:-target/train-step}
py=${PYTHON:-/usr/bin/python3}
threads=${THREADS:-2}
mkdir -p "$out"
rm -f "$out"/ours-*.json "$out"/torch-*.json

top1=1-0-1-1-1-0-0-1-1-1-0-1-0-3
heavy=0-1-2-1-0-1-2-1-1-0-1-2-1-3
rows=("64/64/64/64/32 $top1" "64/64/64/64/32 $heavy" "128/64/128/128/64 $top1" "256/128/128/128/64 $top1")
if [ $quick = 1 ]; then
    rounds=1 jmh=(-f 1 -wi 1 -i 1 -w 1s -r 1s) peer=(--warmup 1 --iters 2)
else
    rounds=3 jmh=(-f 1 -wi 2 -i 5 -w 3s -r 3s) peer=(--warmup 3 --iters 10)
fi

mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
g++ -O2 -fopenmp bench/peak/fma_peak.cpp -o "$out/fma_peak"
peak=$("$out/fma_peak" --gflops)
lscpu | grep -E "Model name" | sed 's/^Model name: *//' > "$out/cpu.txt"

for round in $(seq 1 $rounds); do
    for i in "${!rows[@]}"; do
        read -r config arch <<<"${rows[$i]}"
        IFS=/ read -r gf df latent genBs disBs <<<"$config"
        echo "round $round/$rounds: $config $arch" >&2
        OMP_NUM_THREADS=$threads java -cp "$cp" org.openjdk.jmh.Main "${jmh[@]}" -p device=cpu -p config="$config" \
            -p arch="$arch" -p channels=1 -rf json -rff "$out/ours-$i-$round.json" \
            '^org\.autogan4j\.bench\.TrainStepBench\.iteration$' >"$out/ours-$i-$round.log" 2>&1
        OMP_NUM_THREADS=$threads GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=17179869184 \
            "$py" bench/peer/train_step.py --threads "$threads" --gf "$gf" --df "$df" --latent "$latent" \
            --gen-bs "$genBs" --dis-bs "$disBs" --channels 1 --arch "$arch" "${peer[@]}" \
            --json "$out/torch-$i-$round.json" >"$out/torch-$i-$round.log" 2>&1
    done
done

"$py" - "$out" "$peak" "$(cat "$out/cpu.txt")" "${#rows[@]}" "$rounds" <<'EOF'
import json, statistics, sys
out, peak, cpu, rows, rounds = sys.argv[1], float(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
names = {"1-0-1-1-1-0-0-1-1-1-0-1-0-3": "top1", "0-1-2-1-0-1-2-1-1-0-1-2-1-3": "heavy"}
print(f"CPU {cpu}, measured FMA peak {peak:.0f} GFLOP/s on 2 threads; medians over {rounds} interleaved round(s)\n")
print("| config gf/df/latent/gen_bs/dis_bs, 1x32x32 | arch | autogan4j s | PyTorch s | ratio | autogan4j % of peak |")
print("|---|---|---|---|---|---|")
for i in range(rows):
    ours, torch, flops, config, arch = [], [], None, None, None
    for r in range(1, rounds + 1):
        entry = json.load(open(f"{out}/ours-{i}-{r}.json"))[0]
        metric = entry["primaryMetric"]
        assert metric["scoreUnit"] == "ms/op", metric["scoreUnit"]
        ours.append(metric["score"] / 1e3)
        config, arch = entry["params"]["config"], entry["params"]["arch"]
        peer = json.load(open(f"{out}/torch-{i}-{r}.json"))
        torch.append(peer["steps"]["iteration"]["median_ms"] / 1e3)
        flops = peer["flops"]
    o, t = statistics.median(ours), statistics.median(torch)
    print(f"| {config} | {names.get(arch, '')} `{arch}` | {o:.3f} | {t:.3f} | {t / o:.2f}x | "
          f"{100 * flops / o / (peak * 1e9):.0f}% |")
print("\n% of peak: the peer's FLOP estimate (direct convolution) / our seconds / the peak; Winograd does "
      "fewer multiplications, so it can pass 100%.")
EOF
