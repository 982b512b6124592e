package org.autogan4j.tensor;

/**
 * A native kernel answered with an error status: the status name, the operation and the library's
 * own message (ag_last_error). Out-of-memory and missing-CUDA errors carry their own status so
 * callers can tell them apart.
 */
public final class NativeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The ag_status codes of native/include/ag/kernels.h, in order. */
    public enum Status {
        OK, INVALID_ARGUMENT, OUT_OF_MEMORY, NO_CUDA, CUDA, INTERNAL, UNKNOWN;

        static Status of(int code) {
            return code >= 0 && code < UNKNOWN.ordinal() ? values()[code] : UNKNOWN;
        }
    }

    private final Status status;
    private final String detail;

    public NativeException(int code, String operation, String detail) {
        super(operation + " failed (" + Status.of(code) + "): " + detail);
        this.status = Status.of(code);
        this.detail = detail;
    }

    public Status status() {
        return status;
    }

    /** The library's own message, without the operation and status. */
    public String detail() {
        return detail;
    }
}
