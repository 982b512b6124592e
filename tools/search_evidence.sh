#!/usr/bin/env bash
# Evidence that the search finds something: trains the top-1 architecture of a finished search run and
# five random architectures with the same budget (train's fmnist preset, same seed, same G steps, EMA
# decay 0.95 so that a short run's evaluated weights reflect its training rather than its init), and
# writes a Markdown table of their best scorer FID (lower is better) and IS, with the random mean.
# Runs already finished in OUT_DIR (best.json present) are kept, so the script can be re-run.
# The five random architectures were drawn once, uniformly over the search space, by Python's
# random.Random(2026) (C, N, U, SC per cell; skip in [0,2) for cell 2 and [0,4) for cell 3).
#   tools/search_evidence.sh SEARCH_RUN_DIR OUT_DIR [G_STEPS] [EVAL_EVERY]
set -euo pipefail
export LC_ALL=C
run=${1:?usage: tools/search_evidence.sh SEARCH_RUN_DIR OUT_DIR [G_STEPS] [EVAL_EVERY]}
out=${2:?usage: tools/search_evidence.sh SEARCH_RUN_DIR OUT_DIR [G_STEPS] [EVAL_EVERY]}
steps=${3:-300}
every=${4:-100}
jar=${JAR:-target/autogan4j-0.1.0-SNAPSHOT.jar}
[[ -f "$run/topk.json" ]] || { echo "error: $run/topk.json is missing: the search has not finished" >&2; exit 1; }
[[ -f "$jar" ]] || { echo "error: $jar is missing: run mvn -q package -DskipTests first (or set JAR)" >&2; exit 1; }
top1=$(grep -o '"arch":\[[0-9,]*\]' "$run/topk.json" | head -1 | sed 's/"arch":\[\(.*\)\]/\1/')
random_archs=(0,1,2,0,0,2,2,1,1,1,0,0,0,0 1,0,1,0,1,2,1,0,1,1,1,1,1,0 1,0,2,1,1,1,0,1,0,1,1,1,1,0
    1,2,2,1,0,1,2,1,1,1,1,2,1,0 0,0,0,0,1,1,0,1,0,0,2,2,1,3)
mkdir -p "$out"
field() { grep -o "\"$2\":[-0-9.eE]*" "$1" | head -1 | cut -d: -f2; }
train() {
    local name=$1 arch=$2
    if [[ ! -f "$out/$name/best.json" ]]; then
        rm -rf "$out/$name"
        java -jar "$jar" train --arch "$arch" --out "$out/$name" --steps "$steps" --eval-every "$every" \
            --ema 0.95 --seed 12345 > "$out/$name.log" 2>&1
    fi
    printf '| %s | %s | %.1f | %.3f | %s |\n' "$name" "$arch" "$(field "$out/$name/best.json" fid)" \
        "$(field "$out/$name/best.json" is_mean)" "$(field "$out/$name/best.json" g_step)"
}
{
    echo "| run | architecture | best FID | IS at best | G step |"
    echo "|---|---|---|---|---|"
    train top1 "$top1"
    for i in "${!random_archs[@]}"; do
        train "random$((i + 1))" "${random_archs[$i]}"
    done
} > "$out/table.md"
mean=$(for i in 1 2 3 4 5; do field "$out/random$i/best.json" fid; done | awk '{s += $1} END {printf "%.1f", s / NR}')
{
    echo "Budget: $steps G steps each (train --preset fmnist --ema 0.95, seed 12345), evaluated every $every on"
    echo "5,000 images; FID of the Fashion-MNIST scorer's features against its 60,000 training images."
    echo
    cat "$out/table.md"
    echo
    printf 'Top-1 best FID %.1f vs mean of the 5 random architectures %s (lower is better).\n' \
        "$(field "$out/top1/best.json" fid)" "$mean"
} > "$out/summary.md"
cat "$out/summary.md"
