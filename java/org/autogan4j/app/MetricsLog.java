// The search's metrics.csv: one row per event (shared-training summary, dynamic reset, controller
// step, growth candidate, final top-K entry, end of iteration), appended and flushed as it happens so
// a killed run keeps everything up to the kill. Header:
//   time_s,iteration,stage,event,d_step,d_loss,g_loss,reward,baseline,entropy,arch,reward_kind
// reward_kind names the reward of every row that has one (SearchReward.kind: is, fid, kid, with
// "-L*params" or "-L*macs" when a size penalty L applies). Empty fields (and NaN, e.g. g_loss of a stretch without a G step) are "not applicable"; arch is
// the 14 ints joined by '-'. Numbers are written with
// Java's shortest round-trip form, so a resumed run writes byte-identical rows (except time_s).
// A checkpoint records length(); resuming truncates the file back to it, and refuses a file whose
// header is another version's (an older one without reward_kind), which rows could not be appended to.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.autogan4j.gan.Architecture;

public final class MetricsLog implements AutoCloseable {
    public static final String HEADER = "time_s,iteration,stage,event,d_step,d_loss,g_loss,reward,baseline,entropy,arch,reward_kind";

    private final FileChannel out;
    private final String rewardKind;

    private MetricsLog(FileChannel out, String rewardKind) {
        this.out = out;
        this.rewardKind = rewardKind;
    }

    /** A new metrics.csv holding only the header (an existing file is replaced); rewards are of rewardKind. */
    public static MetricsLog create(Path file, String rewardKind) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        MetricsLog log = new MetricsLog(ch, rewardKind);
        log.line(HEADER);
        return log;
    }

    /** Reopens file truncated to length (what a checkpoint recorded) to append after it. */
    public static MetricsLog resume(Path file, long length, String rewardKind) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < length) {
            throw new IOException(file + " is missing or shorter (" + (Files.exists(file) ? Files.size(file) : 0)
                    + " bytes) than the checkpoint recorded (" + length + " bytes): the run directory was changed");
        }
        String first;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            first = lines.findFirst().orElse("");
        }
        if (!first.equals(HEADER)) {
            throw new IllegalArgumentException(file + " has the header of another autogan4j version (\"" + first
                    + "\", not \"" + HEADER + "\"): this version cannot append to it; start a new search with another --out");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        ch.truncate(length);
        ch.position(length);
        return new MetricsLog(ch, rewardKind);
    }

    /** Bytes written so far (what a checkpoint records). */
    public long length() throws IOException {
        return out.position();
    }

    /** One event row; null fields are empty. */
    public void row(double timeS, int iteration, int stage, String event, Long dStep, Double dLoss, Double gLoss,
            Double reward, Double baseline, Double entropy, Architecture arch) throws IOException {
        String line = String.format(Locale.ROOT, "%.3f", timeS) + "," + iteration + "," + stage + "," + event
                + "," + field(dStep) + "," + field(dLoss) + "," + field(gLoss) + "," + field(reward) + ","
                + field(baseline) + "," + field(entropy) + "," + (arch == null ? "" : arch(arch)) + ","
                + (reward == null ? "" : rewardKind);
        line(line);
    }

    /** arch as the CSV writes it: 14 ints joined by '-'. */
    public static String arch(Architecture arch) {
        return Arrays.stream(arch.codes()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    private static String field(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Double d && d.isNaN() ? "" : v.toString();
    }

    private void line(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
