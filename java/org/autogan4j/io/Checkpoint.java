// A training checkpoint: the tensors (parameters, buffers, optimizer moments, under the original's
// state_dict names) in <name>.safetensors, and a JSON sidecar <name>.json with whatever the caller
// records (architecture, config, step, optimizer state summary, RNG state). Both files are written
// atomically, tensors first. So that the pair can never disagree after a kill between the two
// renames, the sidecar's JSON also travels inside the safetensors metadata ("autogan4j.sidecar"),
// and readSidecar takes it from there: the .safetensors file alone is the commit point, and the
// .json copy is for people and tools (rewritten by the next save if a kill left it stale).
package org.autogan4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class Checkpoint {
    /** The metadata key holding the sidecar JSON inside the safetensors file. */
    public static final String SIDECAR_KEY = "autogan4j.sidecar";
    private static final String EXTENSION = ".safetensors";

    private Checkpoint() {
    }

    /** The sidecar of file: x.safetensors -> x.json, else file + ".json". */
    public static Path sidecarPath(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return file.resolveSibling(stem + ".json");
    }

    /** Saves tensors (in order) to file and sidecar to sidecarPath(file), both atomically. */
    public static void save(Path file, Map<String, Tensor> tensors, Map<String, Object> sidecar) throws IOException {
        String json = Json.write(sidecar);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put(SIDECAR_KEY, json);
        SafeTensors.write(file, tensors, metadata);
        AtomicFile.write(sidecarPath(file), (json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The sidecar saved with file's tensors (from inside the safetensors file). */
    public static Map<String, Object> readSidecar(Path file) throws IOException {
        String json = SafeTensors.readMetadata(file).get(SIDECAR_KEY);
        if (json == null) {
            throw new CheckpointException(file, "has no \"" + SIDECAR_KEY + "\" metadata: not an autogan4j checkpoint");
        }
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (JsonException e) {
            throw new CheckpointException(file, "its sidecar metadata is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new CheckpointException(file, "its sidecar metadata must be a JSON object, found "
                    + JsonObject.kind(parsed));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        return map;
    }

    /** The tensors of file as new tensors on device (the caller closes them). */
    public static Map<String, Tensor> readTensors(Path file, Device device) throws IOException {
        return SafeTensors.read(file, device);
    }

    /** Loads file's tensors into targets, checking names and shapes first. */
    public static void readInto(Path file, Map<String, Tensor> targets) throws IOException {
        SafeTensors.readInto(file, targets);
    }
}
