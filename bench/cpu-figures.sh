#!/usr/bin/env bash
# The CPU figures of bench/RESULTS.md in one run: JMH (conv2d at the issue's shapes, GEMM,
# one training iteration) and, on the same machine right after, the PyTorch peers (2 threads).
# Run it on an otherwise idle machine: bash bench/cpu-figures.sh [OUT_DIR] (default target/figures).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/figures}
mkdir -p "$out"
py=${PYTHON:-/usr/bin/python3}
jmh="-f 1 -wi 3 -i 5 -w 1s -r 2s"

lscpu | grep -E "Model name|^CPU\(s\)|Flags" | sed 's/Flags:.*avx512f.*/Flags: ... avx512f ... (AVX-512)/' > "$out/machine.txt"

mvn -B -q -DskipTests package
mvn -B -q -Pbench -DskipTests verify -Djmh.args="$jmh -rf json -rff $out/jmh-conv.json org.autogan4j.bench.Conv2dBench -p shape=64x64x32,128x128x16,64x256x8,128x128x4,128x256x16" | tee "$out/jmh-conv.log"
mvn -B -q -Pbench -DskipTests verify -Djmh.args="$jmh -rf json -rff $out/jmh-gemm.json org.autogan4j.bench.GemmBench" | tee "$out/jmh-gemm.log"
mvn -B -q -Pbench -DskipTests verify -Djmh.args="$jmh -rf json -rff $out/jmh-train.json org.autogan4j.bench.TrainStepBench" | tee "$out/jmh-train.log"

"$py" bench/peer/torch_ops.py --jmh "$out/jmh-conv.json" --shapes 64x64x32,128x128x16,64x256x8,128x128x4,128x256x16 --json "$out/peer-conv.json" | tee "$out/peer-conv.txt"
"$py" bench/peer/torch_ops.py --jmh "$out/jmh-gemm.json" --shapes 256,512,1024,2048 --json "$out/peer-gemm.json" | tee "$out/peer-gemm.txt"
"$py" bench/peer/train_step.py --jmh "$out/jmh-train.json" | tee "$out/peer-train.txt"
