#!/usr/bin/env bash
# Builds target/bundle/: everything the one-call GPU check needs on a machine that has an NVIDIA
# driver and PyTorch but no Java and no network. Run it after
#   mvn -Pcuda package          (the jar with the CUDA library; add -DskipTests on a GPU-less box)
# which also compiles the tests and the JMH benchmarks. It makes:
#   jre/            a jlinked Temurin 25 runtime (the six modules the tests and JMH use)
#   lib/            the project jar and its runtime + test dependency jars (JMH, the CUDA presets)
#   test-classes/   the compiled tests, the JMH benchmarks and JMH's generated classes
#   tools/          the JUnit Platform console launcher (standalone jar)
#   bench/peer/     the PyTorch peer; gpu_table.py, the final table
#   src/            native/ and CMakeLists.txt, to rebuild the kernel libraries there with cmake/nvcc
#   gpu-check.sh    the check itself (see notes/readme-c3.md)
# and fails if the bundle outgrows what the device tool carries.
set -euo pipefail
cd "$(dirname "$0")/.."

JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUNDLE=target/bundle
MODULES=java.base,java.logging,java.management,jdk.management,jdk.unsupported,jdk.zipfs
WARN_BYTES=$((50 * 1000 * 1000)) # the size asked for: about 50 MB
MAX_BYTES=$((60 * 1024 * 1024))  # the device tool carries 64 MiB with the working tree

# Rewrites the jar $1 keeping only META-INF, directories and the entries that match the regex $2.
prune_jar() {
    python3 - "$1" "$2" <<'EOF'
import os, re, sys, zipfile
path, keep = sys.argv[1], re.compile(sys.argv[2])
with zipfile.ZipFile(path) as src, zipfile.ZipFile(path + ".tmp", "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        if item.filename.startswith("META-INF/") or item.filename.endswith("/") or keep.search(item.filename):
            dst.writestr(item, src.read(item.filename))
os.replace(path + ".tmp", path)
EOF
}

die() {
    echo "make_bundle: $*" >&2
    exit 1
}

jar=$(ls target/autogan4j-*.jar 2>/dev/null | grep -v -- '-kernels\.jar$' | head -n 1)
[ -n "$jar" ] || die "target/autogan4j-*.jar is missing: run 'mvn -Pcuda package' (with -DskipTests where no GPU) first"
listing=$(unzip -l "$jar")
unzip -p "$jar" 'org/autogan4j/nativeapi/linux-x86_64/libjniAg.so' | grep -aq ag_cuda_conv2d_forward \
    || die "$jar's native library has no CUDA twins: build it with 'mvn -Pcuda package'"
if grep -qE 'org/autogan4j/bench/|org/bytedeco/cuda/' <<<"$listing"; then
    die "$jar carries benchmark classes or the CUDA presets; they belong to the test scope only"
fi
[ -f target/test-classes/META-INF/BenchmarkList ] \
    || die "target/test-classes has no JMH benchmark list: run 'mvn -Pcuda -DskipTests test-compile'"
[ -x "$JDK25/bin/jlink" ] || die "no jlink at $JDK25/bin/jlink: set JDK25 to a Temurin 25 JDK"

jupiter=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' pom.xml)
platform=1.${jupiter#5.} # JUnit Jupiter 5.x.y ships with JUnit Platform 1.x.y

rm -rf "$BUNDLE"
mkdir -p "$BUNDLE/lib" "$BUNDLE/tools" "$BUNDLE/bench" "$BUNDLE/src"

echo "make_bundle: jlink $MODULES"
"$JDK25/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
    --compress zip-6 --output "$BUNDLE/jre"
# Temurin ships libjvm.so with its symbol table (5 of its 29 MB); the JVM runs on .dynsym alone.
strip --strip-unneeded "$BUNDLE/jre/lib/server/libjvm.so"

echo "make_bundle: jars (project, runtime and test dependencies, console launcher $platform)"
cp "$jar" "$BUNDLE/lib/autogan4j.jar"
# The console launcher's standalone jar carries JUnit itself: leave the separate JUnit jars out so
# that the launcher does not find two Jupiter engines.
mvn -B -q dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$BUNDLE/lib" \
    -DexcludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian
# The cuDNN baseline loads the presets cudnn -> cublas -> cudart only: drop the other CUDA
# libraries' classes and JNI glue (NPP, cuFFT, cuSOLVER, ...), most of the presets' size.
presets='org/bytedeco/cuda/(((global|presets)/)?(cudart|cublas|cudnn)([/$.]|$))'
for preset_jar in "$BUNDLE"/lib/cuda-*.jar; do
    prune_jar "$preset_jar" "^$presets|/libjni(cudart|cublas|cudnn)\\.so$"
done
mvn -B -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$platform" \
    -DoutputDirectory="$BUNDLE/tools" -Dmdep.stripVersion=true

echo "make_bundle: test classes, benchmarks, peer, native sources"
cp -r target/test-classes "$BUNDLE/test-classes"
rm -rf "$BUNDLE/test-classes/fixtures"   # the CPU fixtures: the cuda-tagged tests compare with the CPU twin instead
cp -r bench/peer "$BUNDLE/bench/peer"
rm -rf "$BUNDLE/bench/peer/__pycache__"
cp -r native CMakeLists.txt "$BUNDLE/src/"
cp tools/gpu_table.py "$BUNDLE/gpu_table.py"
cp tools/gpu-check.sh "$BUNDLE/gpu-check.sh"
chmod +x "$BUNDLE/gpu-check.sh"

bytes=$(du -sb "$BUNDLE" | cut -f1)
echo "make_bundle: $BUNDLE is $bytes bytes ($((bytes / 1000 / 1000)) MB)"
du -sh "$BUNDLE"/* | sort -rh
[ "$bytes" -le "$MAX_BYTES" ] || die "the bundle is over $MAX_BYTES bytes: the device tool cannot carry it"
[ "$bytes" -le "$WARN_BYTES" ] || echo "make_bundle: warning: over the ~50 MB asked for" >&2
echo "make_bundle: done; on the GPU machine run: OUT=/some/dir bash $BUNDLE/gpu-check.sh"
