// `autogan4j report` as a job: (re)writes the plots and report.html of a search run directory (see
// org.autogan4j.report.RunReport), on a finished run or one still being searched (it only reads the
// search's files), and gives the report's path.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.report.RunReport;

public final class ReportJob {
    private ReportJob() {
    }

    public static Path write(Path runDir) throws IOException {
        return RunReport.write(runDir).toAbsolutePath().normalize();
    }
}
