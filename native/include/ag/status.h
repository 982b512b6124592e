/* Internal helpers both twins use to report failures through ag_status + ag_last_error().
 * ag_fail records a printf-style message (thread-local) and returns the status it was given, so a
 * kernel can write `return ag_fail(AG_ERR_INVALID_ARGUMENT, "%s: n = %d", __func__, n);`. The
 * argument checks of each op family (ag/<family>_args.h) are written with the macros below. */
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

/* Rejects a NULL pointer argument of function, naming it. */
#define AG_REQUIRE_PTR(function, p) AG_REQUIRE((p) != 0, "%s: %s is NULL", function, #p)

/* Rejects a non-positive dimension or count of function, naming it. */
#define AG_REQUIRE_POSITIVE(function, d) \
    AG_REQUIRE((d) > 0, "%s: %s = %lld must be > 0", function, #d, (long long)(d))

/* Returns the status of call unless it is AG_OK (a twin's first line: its argument check). */
#define AG_CHECK(call)                                    \
    do {                                                  \
        const ag_status agCheckStatus_ = (call);          \
        if (agCheckStatus_ != AG_OK) return agCheckStatus_; \
    } while (0)

#endif
