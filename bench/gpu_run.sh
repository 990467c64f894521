#!/usr/bin/env bash
# The render benchmarks on a GPU server with no X: headless through EGL (JBT_EGL=1), from a
# package of the benchmark programs and the Debian libraries they load (.gpu/pkg.tar.xz: the
# closure of `ldd bench_render bench_scene` without glibc and libstdc++). Results go to $OUT.
#   bench/gpu_run.sh [quick | scene]
set -u
out="${OUT:-/tmp/jbt-gpu-out}"
mkdir -p "$out"
tar xJf .gpu/pkg.tar.xz -C /tmp
[ -d .gpu/bin ] && cp .gpu/bin/* /tmp/pkg/bin/  # programs newer than the library package
[ -d .gpu/lib ] && cp .gpu/lib/* /tmp/pkg/lib/  # and libraries they have needed since
nvlib=$(find / -xdev \( -name 'libEGL_nvidia.so.0' -o -name 'libEGL_nvidia.so.*[0-9]' \) 2>/dev/null | head -1)
vendor=$(find / -xdev -name '10_nvidia.json' -path '*egl_vendor*' 2>/dev/null | head -1)
export LD_LIBRARY_PATH="/tmp/pkg/lib${nvlib:+:$(dirname "$nvlib")}"
[ -n "$vendor" ] && export __EGL_VENDOR_LIBRARY_FILENAMES="$vendor"
export JBT_EGL=1 JBT_DATA_DIR="$PWD" PROJ_DATA="$PWD/.gpu/proj"  # proj.db from Debian's proj-data
unset DISPLAY
echo "EGL vendor: ${vendor:-system} (${nvlib:-no NVIDIA EGL library})"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
nproc
if [ "${1:-}" = quick ]; then
  /tmp/pkg/bin/bench_render --sizes 1000 --frames 2 2>&1 | tee "$out/render.md"
  exit
fi
[ "${1:-}" = scene ] || /tmp/pkg/bin/bench_render --sizes 10000,100000,1000000 --frames 20 2>&1 | tee "$out/render.md"
for size in 1280x720 3840x2160; do
  /tmp/pkg/bin/bench_scene --frames 20 --shadows 2048 --size $size 2>&1 | tee "$out/scene-$size.md"
done
# The presenters' setting: 4K with every effect on (MSAA where the context offers it).
/tmp/pkg/bin/bench_scene --frames 20 --shadows 4096 --size 3840x2160 --quality high 2>&1 | tee "$out/scene-4k-high.md"
