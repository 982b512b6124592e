// The machine's measured FP32 peak, the yardstick of bench/RESULTS.md and bench/train-step-table.sh:
// a loop of independent fused multiply-adds on zmm (AVX-512, 16 lanes, 24 accumulators) or ymm
// (8 lanes; 24 accumulators where AVX-512 gives 32 registers, 12 on an AVX2-only CPU's 16), so no
// FMA waits for another, timed on 1 and 2 OpenMP threads; the best of 5 runs is printed.
// Build and run: g++ -O2 -fopenmp bench/peak/fma_peak.cpp -o /tmp/fma_peak && /tmp/fma_peak
// With --gflops it prints one number: the widest vectors' GFLOP/s on 2 threads.
#include <omp.h>

#include <chrono>
#include <cstdio>
#include <cstring>

#define AG_FMA12(OP) OP(4) OP(5) OP(6) OP(7) OP(8) OP(9) OP(10) OP(11) OP(12) OP(13) OP(14) OP(15)
#define AG_FMA24(OP) AG_FMA12(OP) \
    OP(16) OP(17) OP(18) OP(19) OP(20) OP(21) OP(22) OP(23) OP(24) OP(25) OP(26) OP(27)
#define AG_ZMM_FMA(i) "vfmadd231ps %%zmm1, %%zmm2, %%zmm" #i "\n\t"
#define AG_YMM_FMA(i) "vfmadd231ps %%ymm1, %%ymm2, %%ymm" #i "\n\t"
#define AG_CLOBBERS16 "memory", "xmm1", "xmm2", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", \
    "xmm12", "xmm13", "xmm14", "xmm15"
#define AG_CLOBBERS AG_CLOBBERS16, "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23", \
    "xmm24", "xmm25", "xmm26", "xmm27"

namespace {

__attribute__((noinline, target("avx512f"))) void zmmLoop(long iterations) {
    __asm__ volatile("vxorps %%xmm1, %%xmm1, %%xmm1\n\tvxorps %%xmm2, %%xmm2, %%xmm2\n1:\n\t" AG_FMA24(AG_ZMM_FMA)
                     "dec %0\n\tjnz 1b"
                     : "+r"(iterations)::AG_CLOBBERS);
}

__attribute__((noinline, target("avx512f"))) void ymmLoop(long iterations) {
    __asm__ volatile("vxorps %%xmm1, %%xmm1, %%xmm1\n\tvxorps %%xmm2, %%xmm2, %%xmm2\n1:\n\t" AG_FMA24(AG_YMM_FMA)
                     "dec %0\n\tjnz 1b"
                     : "+r"(iterations)::AG_CLOBBERS);
}

__attribute__((noinline, target("avx2,fma"))) void ymm16Loop(long iterations) {
    __asm__ volatile("vxorps %%xmm1, %%xmm1, %%xmm1\n\tvxorps %%xmm2, %%xmm2, %%xmm2\n1:\n\t" AG_FMA12(AG_YMM_FMA)
                     "dec %0\n\tjnz 1b"
                     : "+r"(iterations)::AG_CLOBBERS16);
}

// GFLOP/s of threads threads each running loop (fmas FMAs of lanes floats an iteration) for
// iterations iterations (best of 5).
double peak(void (*loop)(long), int fmas, int lanes, int threads, long iterations) {
    double best = 0;
    for (int run = 0; run < 5; ++run) {
        auto start = std::chrono::steady_clock::now();
#pragma omp parallel num_threads(threads)
        loop(iterations);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double gflops = threads * (double)iterations * fmas * 2.0 * lanes / seconds / 1e9;
        best = gflops > best ? gflops : best;
    }
    return best;
}

}  // namespace

int main(int argc, char **argv) {
    const long iterations = 100000000;
    const bool avx512 = __builtin_cpu_supports("avx512f");
    if (!avx512 && !(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))) {
        std::printf("this CPU has neither AVX-512 nor AVX2 + FMA: nothing to measure\n");
        return 1;
    }
    if (argc > 1 && std::strcmp(argv[1], "--gflops") == 0) {
        std::printf("%.1f\n", avx512 ? peak(zmmLoop, 24, 16, 2, iterations) : peak(ymm16Loop, 12, 8, 2, iterations / 2));
        return 0;
    }
    for (int threads = 1; threads <= 2; ++threads) {
        if (avx512) {
            std::printf("zmm (AVX-512) %d thread(s): %.1f GFLOP/s\n", threads,
                        peak(zmmLoop, 24, 16, threads, iterations));
            std::printf("ymm (AVX2)    %d thread(s): %.1f GFLOP/s\n", threads, peak(ymmLoop, 24, 8, threads, iterations));
        } else {
            std::printf("ymm (AVX2)    %d thread(s): %.1f GFLOP/s\n", threads,
                        peak(ymm16Loop, 12, 8, threads, iterations / 2));
        }
    }
    return 0;
}
