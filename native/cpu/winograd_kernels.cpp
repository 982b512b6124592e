// The Winograd F(4x4, 3x3) tile transforms (matrices and their derivation: winograd_kernels.h) on
// 16 lanes held in one GCC vector of 16 floats: one zmm register with AVX-512, two ymm with AVX2,
// four xmm on plain x86-64. The same template bodies are compiled three times under target
// attributes and one set is picked at run time, as the GEMM micro-kernels are.
#include "winograd_kernels.h"

#include <cstdlib>
#include <cstring>

#pragma GCC diagnostic ignored "-Wpsabi" // vectors stay inside these inlined bodies

namespace ag::cpu {
namespace {

typedef float Lanes __attribute__((vector_size(64)));
#define AG_INLINE __attribute__((always_inline)) inline

AG_INLINE Lanes load(const float *p) {
    Lanes v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

AG_INLINE void store(float *p, const Lanes &v) { std::memcpy(p, &v, sizeof v); }

// One axis of each transform: in[k * is] -> out[k * os].
// B^T d (6 -> 6)
template <class V> AG_INLINE void inputLine(const V *d, int is, V *o, int os) {
    const V d0 = d[0], d1 = d[is], d2 = d[2 * is], d3 = d[3 * is], d4 = d[4 * is], d5 = d[5 * is];
    o[0] = (d0 * 4.0f - d2 * 5.0f) + d4;
    o[os] = (d3 + d4) - (d1 + d2) * 4.0f;
    o[2 * os] = (d4 - d3) + (d1 - d2) * 4.0f;
    o[3 * os] = (d4 - d2) + (d3 - d1) * 2.0f;
    o[4 * os] = (d4 - d2) - (d3 - d1) * 2.0f;
    o[5 * os] = (d1 * 4.0f - d3 * 5.0f) + d5;
}

// G g (3 -> 6)
template <class V> AG_INLINE void filterLine(const V *g, int is, V *o, int os) {
    const V g0 = g[0], g1 = g[is], g2 = g[2 * is], outer = g0 * (1.0f / 24.0f) + g2 * (1.0f / 6.0f);
    o[0] = g0 * 0.25f;
    o[os] = ((g0 + g2) + g1) * (-1.0f / 6.0f);
    o[2 * os] = ((g0 + g2) - g1) * (-1.0f / 6.0f);
    o[3 * os] = outer + g1 * (1.0f / 12.0f);
    o[4 * os] = outer - g1 * (1.0f / 12.0f);
    o[5 * os] = g2;
}

// A^T m (6 -> 4)
template <class V> AG_INLINE void outputLine(const V *m, int is, V *o, int os) {
    const V a = m[is] + m[2 * is], b = m[is] - m[2 * is], c = m[3 * is] + m[4 * is], e = m[3 * is] - m[4 * is];
    o[0] = (m[0] + a) + c;
    o[os] = b + e * 2.0f;
    o[2 * os] = a + c * 4.0f;
    o[3 * os] = (b + e * 8.0f) + m[5 * is];
}

// A e (4 -> 6), the transpose of outputLine
template <class V> AG_INLINE void outputGradLine(const V *e, int is, V *o, int os) {
    const V e0 = e[0], e1 = e[is], e2 = e[2 * is], e3 = e[3 * is];
    const V even1 = e0 + e2, odd1 = e1 + e3, even2 = e0 + e2 * 4.0f, odd2 = e1 * 2.0f + e3 * 8.0f;
    o[0] = e0;
    o[os] = even1 + odd1;
    o[2 * os] = even1 - odd1;
    o[3 * os] = even2 + odd2;
    o[4 * os] = even2 - odd2;
    o[5 * os] = e3;
}

// G^T u (6 -> 3), the transpose of filterLine
template <class V> AG_INLINE void filterGradLine(const V *u, int is, V *o, int os) {
    const V sum12 = u[is] + u[2 * is], sum34 = u[3 * is] + u[4 * is];
    o[0] = (u[0] * 0.25f - sum12 * (1.0f / 6.0f)) + sum34 * (1.0f / 24.0f);
    o[os] = (u[2 * is] - u[is]) * (1.0f / 6.0f) + (u[3 * is] - u[4 * is]) * (1.0f / 12.0f);
    o[2 * os] = (sum34 - sum12) * (1.0f / 6.0f) + u[5 * is];
}

// out (m x m) = L x L^T for x (n x n), both row-major, with Line applying L along one axis.
template <int N, int M, void (*Line)(const Lanes *, int, Lanes *, int)>
AG_INLINE void sandwich(const Lanes *x, Lanes *out) {
    Lanes half[N * M];
    for (int i = 0; i < N; ++i) Line(x + i * N, 1, half + i * M, 1);
    for (int j = 0; j < M; ++j) Line(half + j, M, out + j, M);
}

// Lane l's R x C elements src[offset[l] + i*rowStride + j] -> x[i*C + j] (lanes)
template <int R, int C> AG_INLINE void gather(const float *src, const int64_t *offset, int64_t rowStride, Lanes *x) {
    alignas(64) float rows[R * C][kWinoLanes];
    for (int l = 0; l < kWinoLanes; ++l) {
        const float *p = src + offset[l];
        for (int i = 0; i < R; ++i)
            for (int j = 0; j < C; ++j) rows[i * C + j][l] = p[i * rowStride + j];
    }
    for (int e = 0; e < R * C; ++e) x[e] = load(rows[e]);
}

AG_INLINE void inputBody(const float *src, const int64_t *offset, int64_t rowStride, float *v, int64_t stride) {
    Lanes d[36], out[36];
    gather<6, 6>(src, offset, rowStride, d);
    sandwich<6, 6, inputLine<Lanes>>(d, out);
    for (int e = 0; e < 36; ++e) store(v + e * stride, out[e]);
}

AG_INLINE void outputGradBody(const float *src, const int64_t *offset, int64_t rowStride, float *dm, int64_t stride) {
    Lanes dy[16], out[36];
    gather<4, 4>(src, offset, rowStride, dy);
    sandwich<4, 6, outputGradLine<Lanes>>(dy, out);
    for (int e = 0; e < 36; ++e) store(dm + e * stride, out[e]);
}

AG_INLINE void filterBody(const float *src, const int64_t *offset, bool flipped, float *u, int64_t stride) {
    Lanes g[9], out[36];
    gather<1, 9>(src, offset, 0, g);
    if (flipped)
        for (int t = 0; t < 4; ++t) {
            const Lanes swap = g[t];
            g[t] = g[8 - t];
            g[8 - t] = swap;
        }
    sandwich<3, 6, filterLine<Lanes>>(g, out);
    for (int e = 0; e < 36; ++e) store(u + e * stride, out[e]);
}

AG_INLINE void outputBody(const float *m, int64_t stride, float *y) {
    Lanes in[36], out[16];
    for (int e = 0; e < 36; ++e) in[e] = load(m + e * stride);
    sandwich<6, 4, outputLine<Lanes>>(in, out);
    for (int e = 0; e < 16; ++e) store(y + e * kWinoLanes, out[e]);
}

AG_INLINE void filterGradBody(const float *du, int64_t stride, float *g) {
    Lanes in[36], out[9];
    for (int e = 0; e < 36; ++e) in[e] = load(du + e * stride);
    sandwich<6, 3, filterGradLine<Lanes>>(in, out);
    for (int e = 0; e < 9; ++e) store(g + e * kWinoLanes, out[e]);
}

// The five entry points of one instruction set, compiled under TARGET.
#define AG_WINOGRAD_KERNELS(NAME, TARGET)                                                                    \
    TARGET void input_##NAME(const float *s, const int64_t *o, int64_t r, float *v, int64_t st) {            \
        inputBody(s, o, r, v, st);                                                                           \
    }                                                                                                        \
    TARGET void outputGrad_##NAME(const float *s, const int64_t *o, int64_t r, float *d, int64_t st) {       \
        outputGradBody(s, o, r, d, st);                                                                      \
    }                                                                                                        \
    TARGET void filter_##NAME(const float *s, const int64_t *o, bool f, float *u, int64_t st) {              \
        filterBody(s, o, f, u, st);                                                                          \
    }                                                                                                        \
    TARGET void output_##NAME(const float *m, int64_t st, float *y) { outputBody(m, st, y); }                \
    TARGET void filterGrad_##NAME(const float *d, int64_t st, float *g) { filterGradBody(d, st, g); }        \
    const WinogradKernels k##NAME = {#NAME, input_##NAME, outputGrad_##NAME, filter_##NAME, output_##NAME, \
                                     filterGrad_##NAME};

AG_WINOGRAD_KERNELS(avx512, __attribute__((target("avx512f"))))
AG_WINOGRAD_KERNELS(avx2, __attribute__((target("avx2"))))
AG_WINOGRAD_KERNELS(portable, )

bool supported(const WinogradKernels &kernels) {
    if (&kernels == &kavx512) return __builtin_cpu_supports("avx512f");
    if (&kernels == &kavx2) return __builtin_cpu_supports("avx2");
    return true;
}

const WinogradKernels &select() {
    __builtin_cpu_init();
    const WinogradKernels *all[] = {&kavx512, &kavx2, &kportable};
    const char *forced = std::getenv("AG_CPU_WINOGRAD");
    for (const WinogradKernels *kernels : all)
        if (forced && std::strcmp(kernels->name, forced) == 0 && supported(*kernels)) return *kernels;
    for (const WinogradKernels *kernels : all)
        if (supported(*kernels)) return *kernels;
    return kportable;
}

} // namespace

const WinogradKernels &winogradKernels() { return select(); }

} // namespace ag::cpu
