// What the Inception-op kernel tests share: running a Backend call that must fail with a message
// naming the op and the problem, and calling a CPU twin directly to see the native library's own
// check (status AG_ERR_INVALID_ARGUMENT and an ag_last_error that names the function and problem).
package org.autogan4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntSupplier;

import org.autogan4j.nativeapi.Ag;
import org.junit.jupiter.api.function.Executable;

final class InceptionOpAsserts {
    /** ag_status AG_ERR_INVALID_ARGUMENT. */
    private static final int INVALID_ARGUMENT = 1;

    private InceptionOpAsserts() {
    }

    /** call throws IllegalArgumentException whose message contains every fragment. */
    static void assertRejected(Executable call, String... fragments) {
        String message = String.valueOf(assertThrows(IllegalArgumentException.class, call).getMessage());
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "message \"" + message + "\" should contain \"" + fragment + "\"");
        }
    }

    /** The native call answers AG_ERR_INVALID_ARGUMENT with a message containing every fragment. */
    static void assertNativeRejected(IntSupplier call, String... fragments) {
        assertEquals(INVALID_ARGUMENT, call.getAsInt(), "status of a call with a bad argument");
        String message = Ag.ag_last_error();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "ag_last_error \"" + message + "\" should contain \"" + fragment
                    + "\"");
        }
    }
}
