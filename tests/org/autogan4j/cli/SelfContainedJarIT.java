// The command-line jar runs alone: copied into an empty folder, `java -jar` answers --version with
// the release version, the build's commit and the native API version, and `info` runs a convolution.
package org.autogan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfContainedJarIT {
    @TempDir
    Path dir;

    @Test
    void theJarRunsFromAnEmptyFolder() throws Exception {
        Path built = Path.of(System.getProperty("ag.jar"));
        Path jar = Files.copy(built, dir.resolve("autogan4j.jar"));
        String version = java(jar, "--version");
        assertTrue(Pattern.compile("^autogan4j \\d+\\.\\d+\\.\\d+\\S* \\((commit [0-9a-f]{7,}|unknown commit)[^,]*, "
                + "native API \\d+\\)\\s*$").matcher(version).find(), version);
        assertTrue(!version.contains("development"), "a packaged jar knows its release: " + version);
        String info = java(jar, "info");
        assertTrue(info.contains("native API version") && info.contains("device: CPU"), info);
    }

    private String java(Path jar, String... args) throws Exception {
        String[] command = new String[args.length + 4];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("cache");
        command[2] = "-jar";
        command[3] = jar.toString();
        System.arraycopy(args, 0, command, 4, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
