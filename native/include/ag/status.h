/* Internal helpers both twins use to report failures through ag_status + ag_last_error().
 * ag_fail records a printf-style message (thread-local) and returns the status it was given, so a
 * kernel can write `return ag_fail(AG_ERR_INVALID_ARGUMENT, "%s: n = %d", __func__, n);`. */
#ifndef AG_STATUS_H
#define AG_STATUS_H

#include "kernels.h"

#ifdef __cplusplus
extern "C" {
#endif

ag_status ag_fail(ag_status status, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#ifdef __cplusplus
}
#endif

/* Returns AG_ERR_INVALID_ARGUMENT naming the function when cond is false. */
#define AG_REQUIRE(cond, ...)                                                   \
    do {                                                                        \
        if (!(cond)) return ag_fail(AG_ERR_INVALID_ARGUMENT, __VA_ARGS__);      \
    } while (0)

/* Rejects a NULL pointer argument, naming it. */
#define AG_REQUIRE_PTR(p) AG_REQUIRE((p) != 0, "%s: %s is NULL", __func__, #p)

/* Rejects a non-positive dimension or count, naming it. */
#define AG_REQUIRE_POSITIVE(d) AG_REQUIRE((d) > 0, "%s: %s = %lld must be > 0", __func__, #d, (long long)(d))

#endif
