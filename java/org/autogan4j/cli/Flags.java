// Flag rules picocli cannot state by itself: a mode flag (--resume) that allows only some others, and
// the KEY=VALUE text of --set.
package org.autogan4j.cli;

import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class Flags {
    private Flags() {
    }

    /** Refuses (exit 1) with message when a flag outside allowed was given on the command line. */
    static void onlyWith(CommandSpec spec, Set<String> allowed, String message) {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(o.longestName())) {
                throw new IllegalArgumentException(message + "; got " + o.longestName());
            }
        }
    }

    /** Refuses (exit 2, with the usage) when a flag required outside --resume is missing. */
    static void require(CommandSpec spec, Object value, String flag) {
        if (value == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '" + flag
                    + "' (or --resume RUN_DIR)");
        }
    }

    /** One --set value as its dotted key and text; refuses text without a key before '='. */
    static Map.Entry<String, String> setting(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("--set takes KEY=VALUE, got \"" + keyValue + "\"");
        }
        return Map.entry(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1));
    }
}
