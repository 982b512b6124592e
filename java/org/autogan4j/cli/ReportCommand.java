// `autogan4j report RUN_DIR`: (re)writes the plots and report.html of a search run directory (see
// app.ReportJob) and prints the report's path. Works on a finished run and on one
// still being searched.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.autogan4j.app.ReportJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write plots/*.png and report.html of a search run directory.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "The run directory written by `autogan4j search`.")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        System.out.println(ReportJob.write(runDir));
        return 0;
    }
}
