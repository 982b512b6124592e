// The autogan4j command line (picocli): `java -jar autogan4j.jar COMMAND ...`. Each command is its
// own class in this package; it parses its flags, runs a job of org.autogan4j.app and prints.
// A failing command prints "error: <what went wrong and what to do>" and exits 1; a bad flag prints
// the usage and exits 2. AUTOGAN4J_DEBUG=1 adds the stack trace.
package org.autogan4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.autogan4j.app.DeviceInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "autogan4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "AutoGAN (neural architecture search for GANs) on the JVM.",
        subcommands = {InfoCommand.class, PipelineCommand.class, EvidenceCommand.class, SearchCommand.class, TrainCommand.class,
                EvalCommand.class, SampleCommand.class, FidStatsCommand.class, FidCommand.class, ReportCommand.class,
                TrainScorerCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new Main(), args));
    }

    /** Runs command with args and returns the exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(Object command, String... args) {
        return run(command, null, args);
    }

    /** As run, with usage and error messages going to err (null: standard error), where tests read them. */
    public static int run(Object command, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(command);
        if (err != null) {
            line.setErr(err);
        }
        String clear = err == null ? ProgressChoice.lineStart() : "";
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(clear + "error: " + describe(e));
            if (System.getenv("AUTOGAN4J_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return line.execute(args);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * The release version (the jar manifest's Implementation-Version, else the build's own record),
     * the build's commit, and the version of the native C API the jar carries.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/org/autogan4j/build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the build's version record", e);
            }
            String manifest = Main.class.getPackage().getImplementationVersion();
            String version = manifest != null ? manifest : filled(build.getProperty("version"), "development");
            String commit = filled(build.getProperty("commit"), "unknown");
            if (commit.equals("unknown")) {
                commit = "unknown commit";
            } else {
                commit = "commit " + commit + ("true".equals(build.getProperty("dirty")) ? " with local changes" : "");
            }
            return new String[] {"autogan4j " + version + " (" + commit + ", native API " + DeviceInfo.nativeApiVersion()
                    + ")"};
        }

        /** value, or fallback where the build left it empty or unfilled. */
        private static String filled(String value, String fallback) {
            return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
        }
    }
}
