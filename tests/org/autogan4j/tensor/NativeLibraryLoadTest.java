// A native library that cannot be loaded (a damaged file, a dependency that is missing) must be
// reported with the loader's own reason, not as "no CUDA" or a bare UnsatisfiedLinkError: each case
// runs a child JVM on a copy of the classes whose libjniAg.so was replaced.
package org.autogan4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryLoadTest {
    private static final String LIBRARY = "org/autogan4j/nativeapi/linux-x86_64/libjniAg.so";

    @TempDir
    Path dir;

    @Test
    void theUntouchedLibraryLoads() throws Exception {
        assertEquals("loaded", probe(copyClasses()));
    }

    @Test
    void aDamagedLibraryIsReportedWithTheLoadersReason() throws Exception {
        Path classes = copyClasses();
        Files.writeString(classes.resolve(LIBRARY), "not an ELF file");
        String line = probe(classes);
        assertTrue(line.startsWith("java.lang.IllegalStateException: cannot load the autogan4j native library"), line);
        assertTrue(line.contains("libjniAg.so") && line.contains("too short"), line);
    }

    @Test
    void aMissingDependencyIsNamed() throws Exception {
        Path classes = copyClasses();
        Path dependency = dir.resolve("libag_vanished_dependency.so");
        Path source = dir.resolve("stub.c");
        Files.writeString(source, "int ag_stub_value(void) { return 1; }\n");
        run("gcc", "-shared", "-fPIC", "-o", dependency.toString(), source.toString());
        run("gcc", "-shared", "-fPIC", "-o", classes.resolve(LIBRARY).toString(), source.toString(),
                "-L" + dir, "-Wl,--no-as-needed", "-lag_vanished_dependency");
        Files.delete(dependency);
        String line = probe(classes);
        assertTrue(line.contains("cannot load the autogan4j native library"), line);
        assertTrue(line.contains("libag_vanished_dependency.so"), "the missing library must be named: " + line);
    }

    @Test
    void aLibraryOfAnotherBuildIsNamedAsSuch() throws Exception {
        Path classes = copyClasses();
        Path source = dir.resolve("stub.c");
        Files.writeString(source, "int ag_stub_value(void) { return 1; }\n");
        run("gcc", "-shared", "-fPIC", "-o", classes.resolve(LIBRARY).toString(), source.toString());
        String line = probe(classes);
        assertTrue(line.contains("cannot load the autogan4j native library"), line);
        assertTrue(line.contains("does not provide") && line.contains("ag_version"), line);
    }

    /** A copy of the main classes (with the JNI library) to damage. */
    private Path copyClasses() throws IOException {
        Path from = Path.of(System.getProperty("user.dir"), "target", "classes");
        Path to = dir.resolve("classes");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /** The probe's one line, run on classes instead of target/classes. */
    private String probe(Path classes) throws Exception {
        String main = Path.of(System.getProperty("user.dir"), "target", "classes").toString();
        StringBuilder path = new StringBuilder(classes.toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toString().equals(main)) {
                path.append(File.pathSeparator).append(entry);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = run(java, "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("cache"), "-cp", path.toString(),
                "org.autogan4j.testing.NativeLoadProbe");
        List<String> lines = out.lines().filter(l -> l.equals("loaded") || l.startsWith("java.")).toList();
        assertEquals(1, lines.size(), "expected one result line from the probe, got:\n" + out);
        return lines.get(0);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
