package org.autogan4j.report;

import java.nio.file.Path;

public final class RunReport {
    private RunReport() {
    }

    public static Path write(Path runDir) throws java.io.IOException {
        return runDir.resolve("report.html");
    }
}
