#!/usr/bin/env bash
# Lists the native dependencies of everything a bundle (tools/make_bundle.sh's target/bundle/) runs:
# the JNI libraries inside its jars (found by the glob */linux-x86_64/lib*jni*.so), the libraries
# it carries in native/ and the jlinked runtime's. Each NEEDED library must be carried by the bundle
# (native/, jre/), be part of a base glibc, or be one the GPU machine supplies on purpose: the NVIDIA
# driver (libcuda.so.1) and, for the cuDNN baseline only, PyTorch's CUDA libraries. Anything else
# fails the check. Writes BUNDLE/native/REQUIRES: "glibc X.Y", the newest glibc symbol version that
# the JNI libraries and the runtime need (gpu-check.sh compares it with the target's glibc at start),
# and "carried-glibc X.Y", what the libraries in native/ need (they are used only where the target's
# own libstdc++ / libgomp do not satisfy the JNI libraries).
#   tools/bundle_deps.sh [BUNDLE]      (default target/bundle)
set -euo pipefail

BUNDLE=${1:-target/bundle}
BASE_GLIBC=" libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libresolv.so.2 libutil.so.1 ld-linux-x86-64.so.2 "
DRIVER=" libcuda.so.1 "
CUDNN_BASELINE='^lib(cudart\.so\.13|cublas\.so\.13|cublasLt\.so\.13|cudnn(_[a-z]+)?\.so\.9)$'

[ -d "$BUNDLE/lib" ] || { echo "bundle_deps: $BUNDLE has no lib/: build it with tools/make_bundle.sh" >&2; exit 1; }
command -v readelf >/dev/null || { echo "bundle_deps: readelf (binutils) is needed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for jar in "$BUNDLE"/lib/*.jar; do
    unzip -q -o "$jar" '*/linux-x86_64/lib*jni*.so' -d "$work/$(basename "$jar" .jar)" 2>/dev/null || true
done
mkdir -p "$BUNDLE/native"
mapfile -t elves < <(find "$work" "$BUNDLE/native" "$BUNDLE/jre" -type f \( -name '*.so' -o -name '*.so.*' \) | sort)
carried=" "
for f in "${elves[@]}"; do carried+="$(basename "$f") "; done

failures=0
newest=2.2.5
carried_newest=2.2.5
printf '%-48s %-8s %s\n' "library" "glibc" "needs (status)"
for f in "${elves[@]}"; do
    glibc=$(readelf -V --wide "$f" 2>/dev/null | grep -o 'Name: GLIBC_[0-9.]*' | sed 's/Name: GLIBC_//' | sort -V | tail -n 1)
    if [ -n "$glibc" ] && [[ $f == "$BUNDLE/native/"* ]]; then
        carried_newest=$(printf '%s\n%s\n' "$carried_newest" "$glibc" | sort -V | tail -n 1)
    elif [ -n "$glibc" ]; then
        newest=$(printf '%s\n%s\n' "$newest" "$glibc" | sort -V | tail -n 1)
    fi
    needs=""
    for lib in $(readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        if [[ $carried == *" $lib "* ]]; then
            needs+=" $lib"
        elif [[ $BASE_GLIBC == *" $lib "* ]]; then
            needs+=" $lib(glibc)"
        elif [[ $DRIVER == *" $lib "* ]]; then
            needs+=" $lib(driver)"
        elif [[ $lib =~ $CUDNN_BASELINE ]]; then
            needs+=" $lib(PyTorch's CUDA libraries, the cuDNN baseline only)"
        else
            needs+=" $lib(MISSING)"
            failures=$((failures + 1))
        fi
    done
    name=${f#"$work"/}
    printf '%-48s %-8s%s\n' "${name#"$BUNDLE"/}" "${glibc:--}" "$needs"
done
printf 'glibc %s\ncarried-glibc %s\n' "$newest" "$carried_newest" >"$BUNDLE/native/REQUIRES"
echo "bundle_deps: ${#elves[@]} libraries; they need glibc >= $newest, the carried ones in native/ >= $carried_newest" \
    "(native/REQUIRES)"
if [ "$failures" -gt 0 ]; then
    echo "bundle_deps: $failures dependency(ies) neither carried nor in a base glibc (MISSING above)" >&2
    exit 1
fi
