// Hostile and broken JSON files, as a --config file, a run's config.json, a checkpoint sidecar or
// topk.json would be: each is refused by the one bounded reader with a one-line message naming
// the file and the problem (never a StackOverflowError, ClassCastException or NullPointerException).
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.autogan4j.io.BadFileException;
import org.autogan4j.io.Json;
import org.autogan4j.io.JsonException;
import org.autogan4j.io.JsonObject;
import org.autogan4j.io.Limits;
import org.autogan4j.report.TopK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonBadInputTest {
    /** Nesting far beyond any stack: without a depth limit this ends in StackOverflowError. */
    private static final int HOSTILE_DEPTH = 100_000;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void arraysNested100000DeepStopAtTheDepthLimit() throws IOException {
        Path config = file("deep.json", "[".repeat(HOSTILE_DEPTH) + "]".repeat(HOSTILE_DEPTH));
        refused(JsonException.class, dir, config, () -> Json.read(config),
                config + ": JSON nested deeper than 64 levels at character 64");
    }

    @Test
    void objectsNested100000DeepStopAtTheDepthLimit() throws IOException {
        Path config = file("deep-objects.json", "{\"a\":".repeat(HOSTILE_DEPTH) + "1" + "}".repeat(HOSTILE_DEPTH));
        refused(JsonException.class, dir, config, () -> Json.readObject(config),
                "JSON nested deeper than 64 levels at character " + 64 * 5);
    }

    @Test
    void exactlyTheDepthLimitIsRead() throws IOException {
        Path config = file("limit.json", "[".repeat(Limits.DEPTH) + "]".repeat(Limits.DEPTH));
        assertInstanceOf(List.class, Json.read(config));
    }

    @Test
    void documentLargerThanTheLimit() throws IOException {
        Path big = file("big.json", "\"" + "x".repeat(Limits.JSON_BYTES) + "\"");
        refused(JsonException.class, dir, big, () -> Json.read(big), "larger than 16.0 MiB");
    }

    @Test
    void trailingCommaNamesFileAndCharacter() throws IOException {
        Path config = file("comma.json", "{\"lr\": 0.0002,\n \"topk\": 5,}");
        refused(JsonException.class, dir, config, () -> Json.read(config), config + ": bad JSON at character 26",
                "expected a quoted key");
    }

    @Test
    void nanAndOverflowingNumbersAreNotNumbers() throws IOException {
        Path nan = file("nan.json", "{\"lr\": NaN}");
        refused(JsonException.class, dir, nan, () -> Json.read(nan), "bad JSON at character 7", "expected a value");
        Path huge = file("huge.json", "{\"lr\": 1e999}");
        refused(JsonException.class, dir, huge, () -> Json.read(huge), "the number 1e999 is beyond the range");
        Path longNumber = file("long.json", "[" + "9".repeat(100) + "]");
        refused(JsonException.class, dir, longNumber, () -> Json.read(longNumber), "a number longer than 64");
        Path leadingZero = file("zero.json", "[007]");
        refused(JsonException.class, dir, leadingZero, () -> Json.read(leadingZero), "\"007\" is not a JSON number");
    }

    @Test
    void notUtf8() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
        refused(JsonException.class, dir, latin1, () -> Json.read(latin1), "not UTF-8 text (bad byte at offset 2)");
    }

    @Test
    void duplicateKeyAndRawControlCharacter() throws IOException {
        Path twice = file("twice.json", "{\"lr\": 1, \"lr\": 2}");
        refused(JsonException.class, dir, twice, () -> Json.read(twice), "the key \"lr\" appears twice");
        Path tab = file("tab.json", "{\"name\": \"a\tb\"}");
        refused(JsonException.class, dir, tab, () -> Json.read(tab), "control character U+0009 inside a string");
    }

    @Test
    void wrongTypesAndMissingKeysNameTheKey() throws IOException {
        Path config = file("typed.json", "{\"lr\": \"fast\", \"gan\": {\"beta1\": [0.5]}, \"steps\": 2.5}");
        JsonObject o = Json.readObject(config);
        refused(JsonException.class, dir, config, () -> o.number("lr"),
                "key 'lr' must be a number, found a string (\"fast\")");
        refused(JsonException.class, dir, config, () -> o.object("gan").number("beta1"),
                "key 'gan.beta1' must be a number, found a list");
        refused(JsonException.class, dir, config, () -> o.integer("steps"),
                "key 'steps' must be an integer, found a number (2.5)");
        refused(JsonException.class, dir, config, () -> o.object("gan").string("arch"),
                "key 'gan.arch' is missing; it must be a string");
        Path list = file("list.json", "[1, 2]");
        refused(JsonException.class, dir, list, () -> Json.readObject(list), "must hold a JSON object, found a list");
    }

    @Test
    void topkJsonNestedDeepNamesTheFile() throws IOException {
        Path topk = file("topk.json", "{\"stage\": 0, \"architectures\": " + "[".repeat(HOSTILE_DEPTH) + "}");
        refused(JsonException.class, dir, topk, () -> TopK.read(topk), "JSON nested deeper than 64 levels");
    }

    @Test
    void topkJsonWithWrongTypesNamesTheKey() throws IOException {
        String good = "{\"rank\": 1, \"arch\": [1,0,1,1,1,0,0,1,1,1,0,1,0,3], \"reward\": 2.5}";
        Path reward = file("topk.json", "{\"stage\": 2, \"architectures\": [" + good + ", {\"rank\": 2, \"arch\": "
                + "[1,0,1,1,1,0,0,1,1,1,0,1,0,3], \"reward\": \"high\"}]}");
        refused(JsonException.class, dir, reward, () -> TopK.read(reward),
                reward + ": key 'architectures[1].reward' must be a number, found a string (\"high\")");
        Path arch = file("topk2.json", "{\"stage\": 2, \"architectures\": [{\"rank\": 1, \"arch\": [1, 9], "
                + "\"reward\": 1}]}");
        refused(JsonException.class, dir, arch, () -> TopK.read(arch), "key 'architectures[0].arch': ");
        Path stage = file("topk3.json", "{\"stage\": 7, \"architectures\": []}");
        refused(JsonException.class, dir, stage, () -> TopK.read(stage), "key 'stage' is 7, outside 0..2");
    }

    @Test
    void missingFileAndFolderAreNamed() throws IOException {
        Path absent = dir.resolve("absent.json");
        refused(NoSuchFileException.class, dir, absent, () -> Json.read(absent), "no such JSON file");
        Path folder = Files.createDirectory(dir.resolve("config.json"));
        refused(BadFileException.class, dir, folder, () -> Json.read(folder), "cannot be read (Is a directory)");
    }
}
