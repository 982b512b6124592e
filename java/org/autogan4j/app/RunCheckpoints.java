// The numbered state checkpoints of a run, checkpoints/PREFIX-NNN.safetensors (+ .json): the tensors,
// and a sidecar {"format", "settings", "state"} holding the run's settings record and its typed state
// record (RecordJson). Resuming tries them newest first and checks each before any tensor is loaded:
// its format, its settings against the run's config.json (only the keys allowed to change may differ),
// its state record (a missing key or a wrong type means "damaged"); then the caller's restore loads the
// tensors (names and shapes checked before any is written). A checkpoint that fails is reported on one
// line and the next older one is tried; when none fits, the refusal names the newest one's problem.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.Json;
import org.autogan4j.tensor.Tensor;

final class RunCheckpoints {
    /** Loads a checked state's tensors into the run (throws when they do not fit). */
    @FunctionalInterface
    interface Restore<S> {
        void load(Path file, S state) throws IOException;
    }

    /** A state read back, from checkpoint number. */
    record Restored<S>(long number, S state) {
    }

    private static final String EXTENSION = ".safetensors";

    private final Path folder;
    private final String prefix;
    private final int digits;
    private final String format;
    private final Pattern name;

    /** Checkpoints prefix-NNN (digits wide) in folder whose sidecar says format. */
    RunCheckpoints(Path folder, String prefix, int digits, String format) {
        this.folder = folder;
        this.prefix = prefix;
        this.digits = digits;
        this.format = format;
        this.name = Pattern.compile(Pattern.quote(prefix) + "-(\\d+)" + Pattern.quote(EXTENSION));
    }

    Path file(long number) {
        return folder.resolve(label(number) + EXTENSION);
    }

    private String label(long number) {
        return prefix + "-" + String.format(Locale.ROOT, "%0" + digits + "d", number);
    }

    /** The checkpoint numbers on disk, oldest first. */
    List<Long> numbers() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> name.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1))).sorted().toList();
        }
    }

    /** Writes checkpoint number (tensors, then the sidecar) and deletes all but the newest keep. */
    void save(long number, Map<String, Tensor> tensors, Record settings, Record state, int keep) throws IOException {
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("format", format);
        sidecar.put("settings", RecordJson.write(settings));
        sidecar.put("state", RecordJson.write(state));
        Checkpoint.save(file(number), tensors, sidecar);
        List<Long> all = numbers();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(file(all.get(i)));
            Files.deleteIfExists(Checkpoint.sidecarPath(file(all.get(i))));
        }
    }

    /**
     * The newest checkpoint that fits settings (keys in mayDiffer aside) and whose state type reads
     * and restore loads; what fails is reported to log and the next older one tried.
     */
    <S extends Record> Restored<S> restoreNewest(Class<S> type, Record settings, Set<String> mayDiffer,
            Restore<S> restore, Log log) throws IOException {
        List<Long> all = new ArrayList<>(numbers());
        String first = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            long n = all.get(i);
            try {
                S state = check(n, type, settings, mayDiffer);
                try {
                    restore.load(file(n), state);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("checkpoint " + label(n) + " is damaged: " + e.getMessage(), e);
                }
                return new Restored<>(n, state);
            } catch (IllegalArgumentException e) {
                first = first == null ? e.getMessage() : first;
                log.warn(e.getMessage() + (i > 0 ? "; trying the one before" : ""));
            }
        }
        if (first == null) {
            throw new IllegalArgumentException(folder.getParent() + " has no checkpoint yet (the run stopped before its "
                    + "first one): start it again with a new --out");
        }
        throw new IllegalArgumentException(folder.getParent() + " has no checkpoint to resume from: " + first
                + " (undo the change, or start a new run with another --out)");
    }

    private <S extends Record> S check(long n, Class<S> type, Record settings, Set<String> mayDiffer) {
        Map<String, Object> sidecar;
        try {
            sidecar = Checkpoint.readSidecar(file(n));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("checkpoint " + label(n) + " is damaged: " + e.getMessage(), e);
        }
        Object written = sidecar.get("format");
        if (!format.equals(written)) {
            throw new IllegalArgumentException("checkpoint " + label(n) + (written instanceof String w
                    && w.startsWith("autogan4j-") ? " was written by another autogan4j version (format " + w
                    + "; this one reads " + format + ")" : " is damaged: its sidecar has format " + written
                    + ", expected " + format));
        }
        if (!(sidecar.get("settings") instanceof Map<?, ?> saved)) {
            throw new IllegalArgumentException("checkpoint " + label(n) + " is damaged: its sidecar has no settings");
        }
        String difference = difference(flat("", RecordJson.write(settings)), flat("", saved), mayDiffer);
        if (difference != null) {
            throw new IllegalArgumentException("checkpoint " + label(n) + " does not fit " + RunFolder.CONFIG + ": "
                    + difference);
        }
        try {
            return RecordJson.read(type, sidecar.get("state"));
        } catch (RecordJson.Mismatch e) {
            throw new IllegalArgumentException("checkpoint " + label(n) + " is damaged: state." + e.getMessage(), e);
        }
    }

    private static Map<String, String> flat(String prefix, Map<?, ?> json) {
        Map<String, String> out = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner) {
                out.putAll(flat(prefix + k + ".", inner));
            } else {
                out.put(prefix + k, v == null ? "null" : Json.write(v));
            }
        });
        return out;
    }

    /** The first setting (not in mayDiffer) whose value differs, described, or null. */
    private static String difference(Map<String, String> now, Map<String, String> saved, Set<String> mayDiffer) {
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(saved.keySet());
        for (String k : keys) {
            if (!mayDiffer.contains(k) && !String.valueOf(now.get(k)).equals(String.valueOf(saved.get(k)))) {
                return k + " is " + shown(saved.get(k)) + " in the checkpoint but " + shown(now.get(k)) + " in "
                        + RunFolder.CONFIG;
            }
        }
        return null;
    }

    private static String shown(String value) {
        return value == null ? "absent" : value;
    }
}
