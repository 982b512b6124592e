// The opt-in that lets the CIFAR-10 and STL-10 readers take a folder of smaller files in their formats
// (fixtures, quick checks): only a folder holding a file named autogan4j-subset is read at its files'
// own record counts; any other folder must hold the official sizes, so a truncated download is an error.
package org.autogan4j.data;

import java.nio.file.Files;
import java.nio.file.Path;

final class DatasetSubset {
    /** The marker file's name. */
    static final String MARKER = "autogan4j-subset";

    private DatasetSubset() {
    }

    /** Whether folder holds the marker. */
    static boolean marked(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER));
    }
}
