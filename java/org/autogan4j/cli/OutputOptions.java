// --quiet, shared by the long commands (search, train, eval, sample, fid, fid-stats, train-scorer): with
// it standard error gets only warnings and errors, and standard output the final summary.
package org.autogan4j.cli;

import org.autogan4j.app.Log;

import picocli.CommandLine.Option;

final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the final summary (no progress).")
    boolean quiet;

    /** The Log the command's job writes to (standard error; see ProgressChoice). */
    Log log() {
        return ProgressChoice.log(quiet);
    }
}
