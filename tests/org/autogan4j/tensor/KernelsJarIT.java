// The kernel artifact (target/autogan4j-VERSION-kernels.jar, installed as org.autogan4j:autogan4j-kernels)
// serves a JVM tool alone: a small consumer (tests/resources/consumer) compiled and run in an empty
// folder with nothing but that jar and JavaCPP on its class path convolves on the CPU.
package org.autogan4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelsJarIT {
    @TempDir
    Path dir;

    @Test
    void aConsumerCompilesAndRunsAgainstTheKernelJarAndJavaCppAlone() throws Exception {
        Path kernels = Path.of(System.getProperty("ag.kernels.jar"));
        assertTrue(Files.exists(kernels), "no kernel jar at " + kernels + ": run mvn package");
        try (ZipFile zip = new ZipFile(kernels.toFile())) {
            assertTrue(zip.stream().allMatch(e -> e.isDirectory() || e.getName().startsWith("META-INF/")
                    || e.getName().startsWith("org/autogan4j/nativeapi/") || e.getName().startsWith("org/autogan4j/tensor/")),
                    "the kernel jar holds only nativeapi, tensor and the native library");
            assertTrue(zip.getEntry("org/autogan4j/nativeapi/linux-x86_64/libjniAg.so") != null, "no native library");
        }
        Path javacpp = javaCppJar();
        Path source = dir.resolve("KernelsConsumer.java");
        Files.copy(Path.of(System.getProperty("user.dir"), "tests", "resources", "consumer", "KernelsConsumer.java"),
                source);
        String classPath = kernels + File.pathSeparator + javacpp;
        String bin = Path.of(System.getProperty("java.home"), "bin").toString();
        run(dir, bin + "/javac", "-cp", classPath, "-d", dir.toString(), source.toString());
        String out = run(dir, bin + "/java", "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("cache"), "-cp",
                dir + File.pathSeparator + classPath, "KernelsConsumer");
        assertTrue(out.contains("corner 12.0 edge 18.0 centre 27.0"), out);
    }

    /** The JavaCPP jar of this build's class path. */
    private static Path javaCppJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().matches("javacpp-[0-9.]+\\.jar")) {
                return Path.of(entry);
            }
        }
        throw new AssertionError("no javacpp jar on the class path " + System.getProperty("java.class.path"));
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
