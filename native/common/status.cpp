// The thread-local last-error message behind ag_last_error(), and the API version.
#include "ag/status.h"

#include <cstdarg>
#include <cstdio>

namespace {
thread_local char lastError[1024] = "";
}

extern "C" ag_status ag_fail(ag_status status, const char *format, ...) {
    va_list args;
    va_start(args, format);
    std::vsnprintf(lastError, sizeof lastError, format, args);
    va_end(args);
    return status;
}

extern "C" const char *ag_last_error(void) { return lastError; }

extern "C" int ag_version(void) { return 2; }
