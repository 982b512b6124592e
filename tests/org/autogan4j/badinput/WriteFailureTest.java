// Write failures that need no special file system: a failure in the middle of the bytes (what a
// full disk does to a stream), and a file standing where the target's folder should be. The
// error names the path and the reason, the previous file stays intact, and no temporary is left.
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.FileWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void failureInTheMiddleOfTheBytes() throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), "{\"step\": 1}\n");
        refused(FileWriteException.class, dir, config, () -> AtomicFile.write(config, out -> {
            out.write("{\"step\": ".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[200_000]);
            throw new IOException("No space left on device");
        }), "could not write " + config + ": No space left on device; the previous file is unchanged",
                "free some disk space (or write to another folder) and run again");
    }

    @Test
    void fileWhereTheFolderShouldBe() throws IOException {
        Path blocker = Files.writeString(dir.resolve("samples"), "not a folder");
        Path png = blocker.resolve("iter-001.png");
        refused(FileWriteException.class, dir, png, () -> AtomicFile.write(png, new byte[] {1}),
                "could not write " + png + ": " + blocker + " is in the way (a file where a folder should be)",
                "no file was created");
    }
}
