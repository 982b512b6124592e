// What `train --arch` accepts, resolved to the 14 codes and a sentence saying where they came from:
//   1,0,1,1,1,0,0,1,1,1,0,1,0,3    the 14 codes themselves (spec 1.1);
//   RUN_DIR or RUN_DIR/topk.json   the top-1 of a finished search; RUN_DIR:k or topk.json:k its k-th;
//   autogan-cifar10-a              the paper's AutoGAN-top1 (the original's models/autogan_cifar10_a.py);
//   top1                           the same paper architecture (its old name), with a note (note()) that
//                                  a search's top-1 is --arch RUN_DIR.
// A path that exists is taken whole; otherwise a trailing ":k" (digits) is the rank.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autogan4j.gan.Architecture;
import org.autogan4j.io.Json;
import org.autogan4j.io.JsonObject;

public record ArchChoice(Architecture architecture, String source) {
    /** What train prints when --arch is top1. */
    public static final String TOP1_NOTE = "note: --arch top1 is the paper's AutoGAN-top1 (autogan-cifar10-a), not a "
            + "search's top-1; for that give the search's run directory: --arch RUN_DIR";
    /** The paper's AutoGAN-top1 under the original code's model name. */
    public static final String PAPER_TOP1 = "autogan-cifar10-a";
    private static final String OLD_PAPER_NAME = "top1";
    private static final Pattern RANKED = Pattern.compile("(.+):(\\d{1,9})");
    private static final Pattern CODES = Pattern.compile("\\s*\\d+(\\s*,\\s*\\d+)*\\s*");

    /** Whether text is the old name top1 (train then prints TOP1_NOTE). */
    public static boolean isOldPaperName(String text) {
        return text.trim().equalsIgnoreCase(OLD_PAPER_NAME);
    }

    /** The architecture text names (see the opening comment); a refusal names what to give instead. */
    public static ArchChoice resolve(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("--arch is missing: give 14 comma-separated codes, a search's RUN_DIR "
                    + "(or RUN_DIR:k, topk.json, topk.json:k) or " + PAPER_TOP1);
        }
        if (t.equalsIgnoreCase(PAPER_TOP1)) {
            return new ArchChoice(Architecture.TOP1, PAPER_TOP1 + ": the paper's AutoGAN-top1 (CIFAR-10)");
        }
        if (isOldPaperName(t)) {
            return new ArchChoice(Architecture.TOP1, PAPER_TOP1 + ": the paper's AutoGAN-top1 (CIFAR-10), given as top1");
        }
        if (CODES.matcher(t).matches()) {
            return new ArchChoice(Architecture.parse(t), "given as codes");
        }
        Path whole = Path.of(t);
        if (Files.exists(whole)) {
            return fromSearch(whole, 1);
        }
        Matcher m = RANKED.matcher(t);
        if (m.matches() && Files.exists(Path.of(m.group(1)))) {
            return fromSearch(Path.of(m.group(1)), Integer.parseInt(m.group(2)));
        }
        throw new IllegalArgumentException("--arch " + t + " is neither 14 comma-separated codes, " + PAPER_TOP1
                + ", nor an existing search run directory or topk.json (with an optional :k for the k-th)");
    }

    /** The rank-th architecture of the search in path (a run directory or its topk.json). */
    private static ArchChoice fromSearch(Path path, int rank) {
        Path file = Files.isDirectory(path) ? path.resolve("topk.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--arch " + path + ": the search has no topk.json yet (it is running "
                    + "or was stopped; resume it with `autogan4j search --resume " + path + "`)");
        }
        List<JsonObject> entries;
        String kind;
        try {
            JsonObject topk = Json.readObject(file);
            entries = topk.objects("architectures");
            kind = topk.values().get("reward_kind") instanceof String k && !k.equals(SearchReward.IS) ? k : "IS";
        } catch (IOException e) {
            throw new IllegalArgumentException("--arch: cannot read " + file + ": " + e.getMessage(), e);
        }
        for (JsonObject entry : entries) {
            if (entry.integer("rank", 1, Integer.MAX_VALUE) == rank) {
                long[] codes = entry.integers("arch");
                int[] arch = new int[codes.length];
                for (int i = 0; i < arch.length; i++) {
                    arch[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, codes[i]));
                }
                String reward = entry.values().get("reward") instanceof Number n
                        ? String.format(Locale.ROOT, ", search reward %s %.3f", kind, n.doubleValue()) : "";
                return new ArchChoice(Architecture.of(arch), "rank " + rank + " of " + file.toAbsolutePath().normalize()
                        + reward);
            }
        }
        throw new IllegalArgumentException("--arch " + path + ":" + rank + ": " + file + " ranks " + entries.size()
                + " architectures; k must be 1.." + entries.size());
    }
}
