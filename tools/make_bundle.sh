#!/usr/bin/env bash
# Builds target/bundle/: everything the one-call GPU check (docs/gpu-check.md) needs on a machine that
# has an NVIDIA driver and python3 + PyTorch but no Java and no network. Run it after
#   mvn -Pcuda package          (the jar with the CUDA library; add -DskipTests on a GPU-less box)
# which also compiles the tests and the JMH benchmarks. It makes:
#   jre/            a jlinked Temurin 25 runtime: the modules the tests and JMH use, and java.desktop,
#                   which the search and train commands need for their PNG samples and plots (headless:
#                   the X11, sound and splash-screen libraries left out), with DejaVu Sans in
#                   jre/lib/fonts for the plots' text where the GPU machine has no fonts
#   lib/            the project jar and its runtime + test dependency jars (JMH, the CUDA presets)
#   native/         the shared libraries the JNI libraries need beyond glibc (libstdc++, libgcc_s,
#                   libgomp, as linked here) and REQUIRES, the glibc they need (tools/bundle_deps.sh)
#   test-classes/   the compiled tests, the JMH benchmarks and JMH's generated classes
#   tools/          the JUnit Platform console launcher; the stand-in Inception writer and the
#                   PyTorch models it and the peers import
#   bench/peer/     the PyTorch peers; gpu_table.py, gpu_results.py, project_cost.py at the top
#   src/            native/ and CMakeLists.txt, to rebuild the kernel libraries there with cmake/nvcc
#   gpu-check.sh    the check itself
# then lists every native dependency (tools/bundle_deps.sh, which fails on one that is neither carried
# nor in a base glibc) and packs it all into target/gpu-bundle.tar.xz, the file that travels to the GPU
# machine; it fails if that outgrows 60 MiB (the device tool carries 64 MiB with the working tree).
# The runtime is stored uncompressed inside (jlink zip-0) so that xz packs it far better. The JNI
# libraries are found by the glob lib*jni*.so, whatever their names.
set -euo pipefail
cd "$(dirname "$0")/.."

JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUNDLE=target/bundle
ARCHIVE=target/gpu-bundle.tar.xz
MODULES=java.base,java.logging,java.management,jdk.management,jdk.unsupported,jdk.zipfs,java.desktop
HEADLESS_OUT='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so'
FONTS=${FONTS:-/usr/share/fonts/truetype/dejavu}
MAX_BYTES=$((60 * 1024 * 1024)) # the device tool carries 64 MiB with the working tree
JNI_GLOB='org/autogan4j/nativeapi/linux-x86_64/lib*jni*.so'
BASE_GLIBC=" libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libresolv.so.2 libutil.so.1 ld-linux-x86-64.so.2 linux-vdso.so.1 "

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
jni=$(mktemp -d)
trap 'rm -rf "$jni"' EXIT
unzip -q -o "$jar" "$JNI_GLOB" -d "$jni" || die "$jar holds no JNI library ($JNI_GLOB)"
cuda_code=""
for f in $(find "$jni" -name 'lib*jni*.so'); do
    readelf -S "$f" | grep -q '\.nv_fatbin' && cuda_code=$f
done
[ -n "$cuda_code" ] || die "$jar has no JNI library with CUDA code (no .nv_fatbin section): build it with 'mvn -Pcuda package'"
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
    --compress zip-0 --exclude-files "$HEADLESS_OUT" --output "$BUNDLE/jre"
# Temurin ships libjvm.so with its symbol table (5 of its 29 MB); the JVM runs on .dynsym alone.
strip --strip-unneeded "$BUNDLE/jre/lib/server/libjvm.so"
mkdir -p "$BUNDLE/jre/lib/fonts"
cp "$FONTS/DejaVuSans.ttf" "$FONTS/DejaVuSans-Bold.ttf" "$BUNDLE/jre/lib/fonts/" \
    || die "DejaVu Sans is missing in $FONTS (apt-get install fonts-dejavu-core, or set FONTS)"

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

echo "make_bundle: the shared libraries the JNI libraries need beyond glibc and the driver"
mkdir -p "$BUNDLE/native"
for f in $(find "$jni" -name 'lib*jni*.so'); do
    ldd "$f" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}'
done | sort -u | while read -r soname path; do
    [[ $BASE_GLIBC == *" $soname "* ]] || cp -L "$path" "$BUNDLE/native/$soname"
done

echo "make_bundle: test classes, benchmarks, peer, native sources"
cp -r target/test-classes "$BUNDLE/test-classes"
rm -rf "$BUNDLE/test-classes/fixtures"   # the CPU fixtures: the cuda-tagged tests compare with the CPU twin instead
cp -r bench/peer "$BUNDLE/bench/peer"
rm -rf "$BUNDLE/bench/peer/__pycache__"
cp -r native CMakeLists.txt "$BUNDLE/src/"
cp tools/gpu_table.py tools/gpu_results.py tools/project_cost.py "$BUNDLE/"
cp tools/make_standin_inception.py tools/make_inception_fixture.py tools/make_fixtures.py tools/autogan_torch.py tools/scoring_reference.py \
    "$BUNDLE/tools/"
cp tools/gpu-check.sh "$BUNDLE/gpu-check.sh"
chmod +x "$BUNDLE/gpu-check.sh"

echo "make_bundle: native dependencies"
bash tools/bundle_deps.sh "$BUNDLE" || die "a native dependency is neither carried nor in a base glibc (above)"

echo "make_bundle: $BUNDLE is $(du -sb "$BUNDLE" | cut -f1) bytes unpacked"
du -sh "$BUNDLE"/* | sort -rh
echo "make_bundle: packing $ARCHIVE (xz)"
tar -C "$(dirname "$BUNDLE")" -cf - "$(basename "$BUNDLE")" | xz -6 -T0 >"$ARCHIVE.tmp"
mv "$ARCHIVE.tmp" "$ARCHIVE"
bytes=$(stat -c %s "$ARCHIVE")
echo "make_bundle: $ARCHIVE is $bytes bytes ($((bytes / 1024 / 1024)) MiB)"
[ "$bytes" -le "$MAX_BYTES" ] || die "$ARCHIVE is over 60 MiB: the device tool cannot carry it"
echo "make_bundle: done; there: mkdir -p /tmp/g && tar -xJf $ARCHIVE -C /tmp/g && OUT=DIR bash /tmp/g/bundle/gpu-check.sh"
