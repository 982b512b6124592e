package org.autogan4j.cli;

// Runs the autogan4j command line in-process, as `java -jar autogan4j.jar ARGS` would, and keeps the
// exit code and what it printed as errors (the "error: ..." line and usage messages).

import java.io.PrintWriter;
import java.io.StringWriter;

final class Cli {
    record Result(int code, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new Main(), new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    /** Runs args and fails with the error output unless the exit code is 0. */
    static void ok(String... args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("exit code " + r.code() + " for " + String.join(" ", args) + ":\n" + r.err());
        }
    }
}
