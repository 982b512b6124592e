// How a command shows its progress on standard error (app.Log.Mode): redrawn in place only when
// standard error itself is a terminal, plain rate-limited lines when it goes to a file or a pipe
// (`2> log`) whatever stdin and stdout are, and only warnings with --quiet. System.console() alone is
// not enough: it answers for stdin and stdout, not for standard error. AUTOGAN4J_PROGRESS=redraw or
// lines overrides the detection (e.g. a terminal that cannot redraw, or a log that wants the bar).
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.autogan4j.app.Log;

final class ProgressChoice {
    /** The environment variable that forces a mode. */
    static final String ENV = "AUTOGAN4J_PROGRESS";
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private ProgressChoice() {
    }

    /** The Log of a command: standard error in the mode the flags, environment and terminal give. */
    static Log log(boolean quiet) {
        return new Log(System.err, mode(quiet, System.getenv(ENV), System.getenv("TERM"), System.console() != null,
                ProgressChoice::stderrIsTerminal));
    }

    /**
     * The mode: QUIET with --quiet; else the one env names (redraw, lines); else REDRAW when there is a
     * console, TERM is not "dumb" and standard error is a terminal; else LINES.
     */
    static Log.Mode mode(boolean quiet, String env, String term, boolean console, BooleanSupplier stderrIsTerminal) {
        if (quiet) {
            return Log.Mode.QUIET;
        }
        if (env != null && !env.isEmpty()) {
            return switch (env.toLowerCase(Locale.ROOT)) {
                case "redraw" -> Log.Mode.REDRAW;
                case "lines" -> Log.Mode.LINES;
                default -> throw new IllegalArgumentException(ENV + " = \"" + env + "\" is not one of redraw, lines "
                        + "(or unset it to let autogan4j choose)");
            };
        }
        return console && !"dumb".equals(term) && stderrIsTerminal.getAsBoolean() ? Log.Mode.REDRAW : Log.Mode.LINES;
    }

    /**
     * What an error line on standard error starts with: on a terminal that redraws, a carriage return
     * and erase-line, so the error does not run on after a progress bar; elsewhere nothing.
     */
    static String lineStart() {
        try {
            return log(false).mode() == Log.Mode.REDRAW ? "\r\u001b[K" : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Whether this process's standard error is a terminal (Linux: where fd 2 points; elsewhere: `test -t 2`). */
    static boolean stderrIsTerminal() {
        try {
            if (Files.isSymbolicLink(STDERR_LINK)) {
                return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
            }
            Process test = new ProcessBuilder("sh", "-c", "test -t 2").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return test.waitFor(2, TimeUnit.SECONDS) && test.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a file descriptor's target is a terminal device (/dev/pts/N, /dev/ttyN, /dev/tty). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
